import Foundation
import XCTest
@testable import NetSupport

/// `PathText` replaced NSString's path methods in the engine (Foundation costs the kernel
/// 2.7 MB idle); the files found and the messages shown must not change, so each is
/// checked against NSString's.
final class PathTextTests: XCTestCase {
    static let paths = ["", "/", "//", "///", "a", "ab", "a/", "a//", "/a", "//a", "/a/", "a/b", "a//b", "a/b/",
                        "/a/b", "/a//b//", "./x", "../x", "a/..", "x.csv", "data/iris.csv", "/tmp/x/y.json",
                        "~", "~/", "~//", "~/a", "~/a/", "~root", "~root/", "~root/x", "~no-such-user-nb",
                        "~no-such-user-nb/", "~no-such-user-nb/x/", "é/ü", "a b/c d", "~a~", "/~/x", "~/~"]

    func testLastComponentMatchesNSString() {
        for p in Self.paths {
            XCTAssertEqual(PathText.lastComponent(p), (p as NSString).lastPathComponent, p)
        }
    }

    func testDeletingLastComponentMatchesNSString() {
        for p in Self.paths {
            // NSString traps (a precondition) on a one-character relative path such as "a";
            // PathText answers "" there, as for any single relative component.
            let fixed = PathText.fixingSlashes(p)
            if fixed.count == 1 && fixed != "/" {
                XCTAssertEqual(PathText.deletingLastComponent(p), "", p)
                continue
            }
            XCTAssertEqual(PathText.deletingLastComponent(p), (p as NSString).deletingLastPathComponent, p)
        }
    }

    func testAppendingMatchesNSString() {
        for base in Self.paths {
            for p in Self.paths {
                XCTAssertEqual(PathText.appending(p, to: base), (base as NSString).appendingPathComponent(p), "\(base) + \(p)")
            }
        }
    }

    func testExpandingTildeReadsHOMEFirst() {
        let saved = getenv("HOME").map { String(cString: $0) }
        defer { if let saved { setenv("HOME", saved, 1) } else { unsetenv("HOME") } }
        setenv("HOME", "/tmp/some-home", 1)
        XCTAssertEqual(PathText.expandingTilde("~/runs/a.nbs"), "/tmp/some-home/runs/a.nbs")
        XCTAssertEqual(PathText.expandingTilde("~"), "/tmp/some-home")
        XCTAssertEqual(PathText.expandingTilde("~root/x"), "/root/x", "~name still asks the user database")
    }

    /// With $HOME the user database's home (as on a usual login), NSString agrees.
    func testExpandingTildeMatchesNSString() {
        let saved = getenv("HOME").map { String(cString: $0) }
        defer { if let saved { setenv("HOME", saved, 1) } else { unsetenv("HOME") } }
        unsetenv("HOME")
        for p in Self.paths {
            XCTAssertEqual(PathText.expandingTilde(p), (p as NSString).expandingTildeInPath, p)
        }
    }
}
