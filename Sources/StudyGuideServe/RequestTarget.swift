/// The path of a request target as the client sent it, still percent-encoded, for SafePath to
/// judge: a path decoded with `..` already resolved would hide from SafePath exactly what it
/// must refuse.
enum RequestTarget {
    /// Origin-form (`/a/b`) as it is; absolute-form (`http://host/a/b`, which HTTP/1.1 servers
    /// must accept) without its scheme and authority.
    static func path(of target: String) -> String {
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            let rest = target.dropFirst(scheme.count)
            guard let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
            return rest[end] == "/" ? String(rest[end...]) : "/" + rest[end...]
        }
        return target
    }
}
