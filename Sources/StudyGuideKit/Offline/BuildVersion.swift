/// The version of a build's offline app: a hash of the path and bytes of every precached file,
/// so a build that changes any of them gets a new cache (the worker deletes the old one) and an
/// unchanged site keeps its cache. The files are read back once written, on every core: the cost
/// follows the precache budget, not the size of the site (and with a cache, only the precached
/// files that changed since the last build are read: `OutputLedger.checksum`).
enum BuildVersion {
    static func of(_ precache: [PagePath], in output: StagingFolder) -> String {
        let checksums = parallelMap(precache) { path -> UInt64 in
            output.checksum(of: path) ?? 0
        }
        var hash = StableHash()
        for (path, checksum) in zip(precache, checksums) {
            hash.add(path.path.utf8)
            hash.add(withUnsafeBytes(of: checksum.littleEndian, Array.init))
        }
        let key = hash.key
        return hex(key.high ^ key.low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
