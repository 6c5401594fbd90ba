internal import FlyingSocks
internal import Foundation

/// Where `serve` listens: an IPv4 address given as such (`127.0.0.1`) or as a name looked up once
/// (`localhost`), and a port, 0 for any free one.
struct ListenAddress: Sendable {
    let ip: String
    let port: UInt16

    struct Unusable: LocalizedError {
        let reason: String
        var errorDescription: String? { reason }
    }

    init(host: String, port: Int) throws {
        guard let port = UInt16(exactly: port) else { throw Unusable(reason: "port \(port) is not between 0 and 65535") }
        self.ip = try Self.ipv4(for: host)
        self.port = port
    }

    init(ip: String, port: UInt16) {
        self.ip = ip
        self.port = port
    }

    func socketAddress() throws -> sockaddr_in {
        try .inet(ip4: ip, port: port)
    }

    /// The address in dotted form.
    private static func ipv4(for host: String) throws -> String {
        if (try? sockaddr_in.inet(ip4: host, port: 0)) != nil { return host }
        let unusable = Unusable(reason: "cannot listen on '\(host)': give an IPv4 address such as 127.0.0.1")
        var hints = addrinfo()
        hints.ai_family = AF_INET
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &found)
        defer { if let found { freeaddrinfo(found) } }
        guard status == 0, let first = found, let address = first.pointee.ai_addr else { throw unusable }
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) {
            $0.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(first.pointee.ai_addrlen)))
        }
        guard case .ip4(let ip, _) = try? Socket.makeAddress(from: storage) else { throw unusable }
        return ip
    }
}
