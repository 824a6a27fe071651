import StorekeeperCore
import StorekeeperKeys
import Testing

@Suite("Credentials")
struct APICredentialsTests {
    @Test("Bearer, Basic with the key as user name (Spring), and a header of its own")
    func schemes() {
        let all: [CredentialScheme] = [.bearer, .basicUserName, .header("X-API-Key")]
        #expect(APICredentials.extract(from: ["Authorization": "Bearer sk_live_abc"], accepting: all) == "sk_live_abc")
        #expect(
            APICredentials.extract(from: ["authorization": "bearer  sk_live_abc "], accepting: all) == "sk_live_abc")
        #expect(
            APICredentials.extract(from: ["Authorization": "Basic ZjQ1aDEwbnczM2s6"], accepting: all) == "f45h10nw33k")
        #expect(APICredentials.extract(from: ["x-api-key": "k_1"], accepting: all) == "k_1")
        #expect(
            APICredentials.extract(from: ["Authorization": "Bearer sk_live_abc"], accepting: [.basicUserName]) == nil)
        #expect(APICredentials.extract(from: [:], accepting: all) == nil)
    }

    @Test("refuses Basic with a password or a malformed value, and empty Bearer tokens")
    func refusals() {
        // "user:secret" and "nocolon"
        #expect(
            APICredentials.extract(from: ["Authorization": "Basic dXNlcjpzZWNyZXQ="], accepting: [.basicUserName])
                == nil)
        #expect(
            APICredentials.extract(from: ["Authorization": "Basic bm9jb2xvbg=="], accepting: [.basicUserName]) == nil)
        #expect(APICredentials.extract(from: ["Authorization": "Basic !!!"], accepting: [.basicUserName]) == nil)
        // ":" alone (no user name) and "a:b:" (a colon inside the user name)
        #expect(APICredentials.extract(from: ["Authorization": "Basic Og=="], accepting: [.basicUserName]) == nil)
        #expect(APICredentials.extract(from: ["Authorization": "Basic YTpiOg=="], accepting: [.basicUserName]) == nil)
        // a user name that is not UTF-8 (0xFF ":")
        #expect(APICredentials.extract(from: ["Authorization": "Basic /zo="], accepting: [.basicUserName]) == nil)
        #expect(APICredentials.extract(from: ["Authorization": "Bearer\tsk_live_abc"], accepting: [.bearer]) == nil)
        #expect(APICredentials.extract(from: ["Authorization": "Bearer"], accepting: [.bearer]) == nil)
        #expect(APICredentials.extract(from: ["Authorization": "Bearer a b"], accepting: [.bearer]) == nil)
    }
}
