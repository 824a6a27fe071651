import StorekeeperJSON
import Testing

@Suite("JSON objects")
struct JSONObjectTests {
    @Test("keeps member order and sets, replaces and removes members in place")
    func editsInPlace() {
        var object: JSONObject = ["sku": "A-1", "qty": 1]
        object["price"] = "9.99"
        object["qty"] = 2
        #expect(object.keys == ["sku", "qty", "price"])
        #expect(object["qty"] == 2)
        object["sku"] = nil
        #expect(object.keys == ["qty", "price"])
        object["missing"] = nil
        #expect(object.count == 2)
        #expect(object.index(forKey: "price") == 1)
        object.append("tag", "new")
        #expect(object[2].key == "tag")
    }

    @Test("initialising from pairs keeps the first position and the last value of a repeated name")
    func initialiserResolvesDuplicates() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test("objects are equal whatever their member order, and hash alike")
    func equalityIgnoresOrder() {
        let lhs: JSONValue = ["a": 1, "b": [true, nil]]
        let rhs: JSONValue = ["b": [true, nil], "a": 1]
        #expect(lhs == rhs)
        #expect(lhs.hashValue == rhs.hashValue)
        #expect(Set([lhs, rhs]).count == 1)
        #expect(lhs != ["a": 1, "b": [true]])
        #expect(lhs != ["a": 1, "c": [true, nil]])
        var repeated = JSONObject()
        repeated.append("a", 1)
        repeated.append("a", 1)
        #expect(repeated != JSONObject([("a", 1), ("b", 1)]))
    }

    @Test("values describe their type and print as compact JSON")
    func typeNamesAndDescription() {
        let value: JSONValue = ["s": "x", "n": 1, "b": false, "z": nil, "a": [], "o": [:]]
        #expect(value.object?.map { $0.value.typeName } == ["string", "number", "boolean", "null", "array", "object"])
        #expect(value.description == #"{"s":"x","n":1,"b":false,"z":null,"a":[],"o":{}}"#)
    }
}

@Suite("JSON member names that share a prefix")
struct JSONMemberNameTests {
    @Test("long names alike in their first bytes and length stay distinct for lookup and duplicates")
    func sharedPrefixes() throws {
        let value = try JSONValue(parsing: Array(#"{"image_url1": 1, "image_url2": 2, "abc": 3, "abd": 4}"#.utf8))
        #expect(value["image_url1"] == 1)
        #expect(value["image_url2"] == 2)
        #expect(value["image_url3"] == nil)
        #expect(value["abd"] == 4)
        #expect(value["ab"] == nil)
        let duplicate = Array(#"{"image_url1": 1, "image_url2": 2, "image_url1": 3}"#.utf8)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: duplicate) }
    }
}
