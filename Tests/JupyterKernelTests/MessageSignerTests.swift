import Foundation
import XCTest
@testable import JupyterKernel

final class MessageSignerTests: XCTestCase {
    // Expected digests from Python's hmac module (RFC 4231 test case 2, and a message's
    // four parts: hmac.new(b"key", b'{"a":1}{}{}{"b":2}', sha256)).
    func testSignatureIsHMACSHA256OfTheFourParts() {
        XCTAssertEqual(MessageSigner(key: "Jefe").signature(for: [Data("what do ya want for nothing?".utf8)]),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let parts = ["{\"a\":1}", "{}", "{}", "{\"b\":2}"].map { Data($0.utf8) }
        XCTAssertEqual(MessageSigner(key: "key").signature(for: parts),
                       "0206f42f4ae2a48f6054ab91271f90c100f7022f55fb1f23de6377624d533752")
    }

    func testAcceptsOnceThenRefusesTheReplay() throws {
        let signer = MessageSigner(key: "key")
        let parts = ["{\"a\":1}", "{}", "{}", "{\"b\":2}"].map { Data($0.utf8) }
        let signature = Data(signer.signature(for: parts).utf8)
        XCTAssertNoThrow(try signer.verify(signature, parts: parts))
        XCTAssertThrowsError(try signer.verify(signature, parts: parts)) {
            XCTAssertEqual($0 as? MessageSigner.Failure, .replayed)
        }
    }

    func testRefusesWrongShortAndNonHexSignatures() {
        let signer = MessageSigner(key: "key")
        let parts = [Data("{}".utf8)]
        let other = MessageSigner(key: "other").signature(for: parts)
        for bad in [other, "abc", String(repeating: "z", count: 64), ""] {
            XCTAssertThrowsError(try signer.verify(Data(bad.utf8), parts: parts), bad) {
                XCTAssertEqual($0 as? MessageSigner.Failure, .badSignature)
            }
        }
    }

    func testEmptyKeyMeansNoSigning() throws {
        let signer = MessageSigner(key: "")
        XCTAssertEqual(signer.signature(for: [Data("{}".utf8)]), "")
        XCTAssertNoThrow(try signer.verify(Data(), parts: [Data("{}".utf8)]))
    }

    func testForgetsTheOldestSignaturesBeyondItsLimit() throws {
        let signer = MessageSigner(key: "key", seenLimit: 2)
        let messages = (1...3).map { [Data("{\"n\":\($0)}".utf8)] }
        let signatures = messages.map { Data(signer.signature(for: $0).utf8) }
        for (s, m) in zip(signatures, messages) { try signer.verify(s, parts: m) }
        XCTAssertNoThrow(try signer.verify(signatures[0], parts: messages[0]))   // forgotten
        XCTAssertThrowsError(try signer.verify(signatures[2], parts: messages[2]))  // still remembered
    }
}
