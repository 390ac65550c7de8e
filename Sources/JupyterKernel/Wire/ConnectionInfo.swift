import NetSupport
import FoundationEssentials

/// The connection file a front end writes before starting a kernel.
///
///     let info = try ConnectionInfo(contentsOf: "/run/user/1000/jupyter/kernel-1.json")
///     info.endpoint(info.shellPort)   // "tcp://127.0.0.1:53794"
public struct ConnectionInfo: Equatable {
    public var transport: String
    public var ip: String
    public var shellPort: Int
    public var controlPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var heartbeatPort: Int
    public var key: String
    public var signatureScheme: String

    public init(transport: String = "tcp", ip: String = "127.0.0.1", shellPort: Int, controlPort: Int,
                iopubPort: Int, stdinPort: Int, heartbeatPort: Int, key: String, signatureScheme: String = "hmac-sha256") {
        self.transport = transport; self.ip = ip; self.shellPort = shellPort; self.controlPort = controlPort
        self.iopubPort = iopubPort; self.stdinPort = stdinPort; self.heartbeatPort = heartbeatPort
        self.key = key; self.signatureScheme = signatureScheme
    }

    /// Reads and checks a connection file.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KernelError.connectionFile("cannot read \(path)")
        }
        try self.init(json: data, source: path)
    }

    public init(json data: Data, source: String = "connection file") throws {
        guard let d = WireFormat.object(data) else {
            throw KernelError.connectionFile("\(source) is not a JSON object")
        }
        func port(_ name: String) throws -> Int {
            guard let value = d[name]?.int, (0...65535).contains(value) else {
                throw KernelError.connectionFile("\(source): '\(name)' must be a port number")
            }
            return value
        }
        transport = d["transport"]?.string ?? "tcp"
        ip = d["ip"]?.string ?? "127.0.0.1"
        shellPort = try port("shell_port")
        controlPort = try port("control_port")
        iopubPort = try port("iopub_port")
        stdinPort = try port("stdin_port")
        heartbeatPort = try port("hb_port")
        key = d["key"]?.string ?? ""
        signatureScheme = d["signature_scheme"]?.string ?? "hmac-sha256"
        guard signatureScheme == "hmac-sha256" || key.isEmpty else {
            throw KernelError.connectionFile("\(source): unsupported signature_scheme '\(signatureScheme)' (only hmac-sha256)")
        }
        guard transport == "tcp" || transport == "ipc" else {
            throw KernelError.connectionFile("\(source): unsupported transport '\(transport)'")
        }
    }

    /// The ZeroMQ endpoint for one port: tcp://IP:PORT, or ipc://IP-PORT as jupyter_client names it.
    public func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }
}

/// Errors that stop the kernel from starting (never raised by a bad message).
public enum KernelError: Error, CustomStringConvertible {
    case connectionFile(String)
    case zmq(String)
    public var description: String {
        switch self {
        case .connectionFile(let s): return "connection file: \(s)"
        case .zmq(let s): return "ZeroMQ: \(s)"
        }
    }
}
