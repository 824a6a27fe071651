import StorekeeperJSON
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs every file of Nicolas Seriot's JSONTestSuite (`shared/testdata/JSONTestSuite`).
@Suite("JSONTestSuite conformance")
struct JSONTestSuiteTests {
    /// The suite's `test_parsing` folder, found relative to this file: `<repo>/../shared/testdata/...`.
    static let suiteDirectory: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // file, StorekeeperJSONTests, Tests, repo
        let candidate = url.appendingPathComponent("shared/testdata/JSONTestSuite/test_parsing")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    static func files(withPrefix prefix: String) -> [URL] {
        guard let directory = suiteDirectory,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    static func bytes(of url: URL) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: url))
    }

    @Test("the suite is present", .enabled(if: suiteDirectory != nil, "JSONTestSuite not found beside the repository"))
    func suiteIsPresent() {
        #expect(Self.files(withPrefix: "y_").count == 95)
        #expect(Self.files(withPrefix: "n_").count == 188)
    }

    /// RFC 8259 allows repeated member names (they SHOULD be unique); Storekeeper rejects them by
    /// default because parsers that disagree on which one wins enable request smuggling.
    /// `.keepLast` is the plain RFC 8259 reading, under which every `y_` file must parse.
    static let rfcOptions = JSONParsingOptions(duplicateKeys: .keepLast)

    @Test("every y_ file parses", .enabled(if: suiteDirectory != nil, "JSONTestSuite not found beside the repository"))
    func acceptsEveryValidFile() throws {
        var failures: [String] = []
        for url in Self.files(withPrefix: "y_") {
            do {
                _ = try JSONValue(parsing: try Self.bytes(of: url), options: Self.rfcOptions)
            } catch {
                failures.append("\(url.lastPathComponent): \(error)")
            }
        }
        #expect(failures.isEmpty, "rejected valid files: \(failures)")
    }

    @Test(
        "default options reject exactly the y_ files that repeat a member name",
        .enabled(if: suiteDirectory != nil, "JSONTestSuite not found beside the repository")
    )
    func defaultOptionsRejectOnlyDuplicates() throws {
        var rejected: [String] = []
        for url in Self.files(withPrefix: "y_") {
            let bytes = try Self.bytes(of: url)
            do {
                _ = try JSONValue(parsing: bytes)
            } catch {
                #expect(error.code == .duplicateKey)
                rejected.append(url.lastPathComponent)
            }
        }
        #expect(rejected == ["y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json"])
    }

    @Test(
        "every n_ file is rejected",
        .enabled(if: suiteDirectory != nil, "JSONTestSuite not found beside the repository"))
    func rejectsEveryInvalidFile() throws {
        var accepted: [String] = []
        for url in Self.files(withPrefix: "n_") {
            if (try? JSONValue(parsing: try Self.bytes(of: url))) != nil {
                accepted.append(url.lastPathComponent)
            }
        }
        #expect(accepted.isEmpty, "accepted invalid files: \(accepted)")
    }

    @Test(
        "every i_ file returns or throws without crashing",
        .enabled(if: suiteDirectory != nil, "JSONTestSuite not found beside the repository")
    )
    func survivesImplementationDefinedFiles() throws {
        let files = Self.files(withPrefix: "i_")
        #expect(!files.isEmpty)
        for url in files {
            let bytes = try Self.bytes(of: url)
            do {
                _ = try JSONValue(parsing: bytes)
            } catch {
                #expect(error.line >= 1 && error.column >= 1, "\(url.lastPathComponent)")
                #expect(error.offset <= bytes.count, "\(url.lastPathComponent)")
            }
        }
    }

    @Test(
        "every y_ file round-trips through the writer to an equal value",
        .enabled(if: suiteDirectory != nil, "JSONTestSuite not found beside the repository")
    )
    func roundTripsEveryValidFile() throws {
        for url in Self.files(withPrefix: "y_") {
            let value = try JSONValue(parsing: try Self.bytes(of: url), options: Self.rfcOptions)
            for options in [JSONWriter.Options(), JSONWriter.Options(prettyPrinted: true, sortedKeys: true)] {
                let written = JSONWriter(options: options).serialize(value)
                let reparsed = try JSONValue(parsing: written)
                #expect(reparsed == value, "\(url.lastPathComponent)")
            }
        }
    }
}
