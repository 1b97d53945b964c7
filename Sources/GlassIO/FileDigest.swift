import Crypto
import GlassPlatform

/// SHA-256 of bytes as lowercase hex (SPEC §5 `sources`), via swift-crypto.
public enum FileDigest {
    /// Hex digest of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Lowercase hex of a digest.
    static func hex(_ digest: SHA256.Digest) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in digest { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The SHA-256 of bytes fed piece by piece as they are read (no second pass over a file).
    public struct Running {
        private var hasher = SHA256()
        /// A new digest.
        public init() {}
        /// Adds the next bytes.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }
        /// Hex digest of everything added.
        public func hex() -> String { FileDigest.hex(hasher.finalize()) }
    }
}
