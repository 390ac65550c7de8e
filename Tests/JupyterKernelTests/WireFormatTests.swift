import Foundation
import XCTest
import NetSupport
@testable import JupyterKernel

final class WireFormatTests: XCTestCase {
    let session = KernelSessionID(session: "s", username: "u")

    func testFramesRoundTripWithIdentitiesAndBuffers() throws {
        let sender = WireFormat(signer: MessageSigner(key: "k"))
        let receiver = WireFormat(signer: MessageSigner(key: "k"))
        var message = Message(type: "execute_request", content: ["code": "print 1"], parent: nil, session: session,
                              identities: [Data("client-1".utf8)])
        message.buffers = [Data([0, 1, 2])]
        let frames = sender.frames(for: message)
        XCTAssertEqual(frames[1], WireFormat.delimiter)
        XCTAssertEqual(frames[2].count, 64)
        let back = try receiver.message(from: frames)
        XCTAssertEqual(back.identities, [Data("client-1".utf8)])
        XCTAssertEqual(back.msgType, "execute_request")
        XCTAssertEqual(back.content["code"]?.string, "print 1")
        XCTAssertEqual(back.buffers, [Data([0, 1, 2])])
    }

    func testHeaderHasFreshIDAndISODateWithZone() {
        let a = MessageHeader.make(type: "status", session: session), b = MessageHeader.make(type: "status", session: session)
        XCTAssertNotEqual(a["msg_id"]?.string, b["msg_id"]?.string)
        XCTAssertEqual(a["version"]?.string, "5.3")
        let date = a["date"]?.string ?? ""
        XCTAssertNotNil(date.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"#, options: .regularExpression), date)
    }

    func testMalformedFramesAreRefusedWithAReason() {
        let wire = WireFormat(signer: MessageSigner(key: ""))
        let header = Data(#"{"msg_id":"1","msg_type":"kernel_info_request"}"#.utf8)
        let empty = Data("{}".utf8)
        let cases: [([Data], String)] = [
            ([Data("x".utf8), header], "no <IDS|MSG> delimiter"),
            ([WireFormat.delimiter, Data(), header], "2 frames after"),
            ([WireFormat.delimiter, Data(), Data("{nope".utf8), empty, empty, empty], "header is not a JSON object"),
            ([WireFormat.delimiter, Data(), header, empty, empty, Data("[1]".utf8)], "content is not a JSON object"),
            ([WireFormat.delimiter, Data(), Data(#"{"msg_id":"1"}"#.utf8), empty, empty, empty], "header has no 'msg_type'"),
        ]
        for (frames, reason) in cases {
            XCTAssertThrowsError(try wire.message(from: frames)) {
                XCTAssertTrue("\($0)".contains(reason), "\($0) should say \(reason)")
            }
        }
    }

    func testNonFiniteNumbersBecomeNullInsteadOfStoppingTheKernel() {
        let data = Data(JSONWriter.bytes(["x": .number(.nan), "y": [1.0, .number(.infinity)], "z": .number(-.infinity)]))
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"x":null,"y":[1,null],"z":null}"#)
        let back = WireFormat.object(data)
        XCTAssertEqual(back?["x"], .null)
        XCTAssertEqual(back?["y"]?[1], .null)
    }

    func testParsedValuesKeepTheirTypesWhenSentBack() {
        // A client's header echoed as parent_header: booleans stay booleans, 1 stays 1.
        let parsed = WireFormat.object(Data(#"{"flag":true,"off":false,"one":1,"half":0.5,"s":"a/b","n":null}"#.utf8)) ?? [:]
        let text = JSONWriter.text(["h": .object(parsed), "swift": [true, 1, 2.5]])
        for piece in [#""flag":true"#, #""off":false"#, #""one":1"#, #""half":0.5"#, #""s":"a/b""#, #""n":null"#,
                      #""swift":[true,1,2.5]"#] {
            XCTAssertTrue(text.contains(piece), "\(piece) missing in \(text)")
        }
    }

    func testMessageIDsAreDistinctWithinASession() {
        let session = KernelSessionID()
        let ids = (0..<1000).map { _ in MessageHeader.make(type: "status", session: session)["msg_id"]?.string ?? "" }
        XCTAssertEqual(Set(ids).count, 1000)
        XCTAssertTrue(ids.allSatisfy { $0.hasPrefix(session.session + "_") })
    }

    /// A line of the stdio transport that is not a message is refused with a reason.
    func testAStdioLineThatIsNotJSONIsRefusedWithAReason() {
        for line in ["{nope", "[1,2]", #"{"channel":"shell","header":{"msg_id":"1"}}"#] {
            XCTAssertThrowsError(try StdioKernelServer.parse(line)) { XCTAssertFalse("\($0)".isEmpty) }
        }
        XCTAssertThrowsError(try StdioKernelServer.parse("{nope")) { XCTAssertEqual("\($0)", "not a JSON object") }
    }

    func testConnectionFile() throws {
        let json = #"{"transport":"tcp","ip":"127.0.0.1","shell_port":1,"control_port":2,"iopub_port":3,"stdin_port":4,"hb_port":5,"key":"k","signature_scheme":"hmac-sha256"}"#
        let info = try ConnectionInfo(json: Data(json.utf8))
        XCTAssertEqual(info.endpoint(info.iopubPort), "tcp://127.0.0.1:3")
        XCTAssertThrowsError(try ConnectionInfo(json: Data(#"{"shell_port":1}"#.utf8)))
        XCTAssertThrowsError(try ConnectionInfo(json: Data(json.replacingOccurrences(of: "hmac-sha256", with: "hmac-md5").utf8)))
    }
}
