import StorekeeperAPI
import Testing

@Suite("Entity tags and If-Match")
struct IfMatchTests {
    @Test("versions become strong tags")
    func tags() {
        #expect(EntityTag(version: 7).description == "\"7\"")
        #expect(EntityTag(version: 7).version == 7)
        #expect(EntityTag("7", isWeak: true).description == "W/\"7\"")
        #expect(EntityTag("7", isWeak: true).version == nil)
    }

    @Test("If-Match lists use strong comparison; * matches anything")
    func matching() {
        #expect(IfMatch(headerValue: "*")?.matches(version: 3) == true)
        #expect(IfMatch(headerValue: "\"3\"")?.matches(version: 3) == true)
        #expect(IfMatch(headerValue: " \"2\", \"3\" ")?.matches(version: 3) == true)
        #expect(IfMatch(headerValue: "\"2\"")?.matches(version: 3) == false)
        #expect(IfMatch(headerValue: "W/\"3\"")?.matches(version: 3) == false)
    }

    @Test("malformed lists are refused")
    func malformed() {
        for text in ["3", "\"3", "", "\"a\"b\"", ","] {
            #expect(IfMatch(headerValue: text) == nil, "\(text)")
        }
    }
}
