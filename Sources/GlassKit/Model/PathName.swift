/// File names taken apart as Foundation's NSString does (`lastPathComponent`, `pathExtension`),
/// without NSString, which would link Foundation, CoreFoundation and ICU into the binary. The
/// tests compare both with NSString's on random paths.
public enum PathName {
    /// The last component of a path: trailing slashes ignored, `/` for the root, the empty string
    /// for an empty path (and, as NSString answers, for `//`, `///`…).
    public static func lastComponent(_ path: String) -> String {
        var bytes = Array(path.utf8)
        if bytes.count > 1, bytes.allSatisfy({ $0 == 0x2F }) { return "" }
        while bytes.count > 1, bytes.last == 0x2F { bytes.removeLast() }
        if bytes == [0x2F] { return "/" }
        let start = (bytes.lastIndex(of: 0x2F) ?? -1) + 1
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// The extension of a path's last component, lower-cased: what follows its last dot, none
    /// when the name starts with its last dot (`.csv`) or ends with a dot.
    public static func lowercasedExtension(_ path: String) -> String {
        let bytes = Array(lastComponent(path).utf8)
        guard let dot = bytes.lastIndex(of: 0x2E), dot > 0, dot < bytes.count - 1 else { return "" }
        return String(decoding: bytes[(dot + 1)...], as: UTF8.self).lowercased()
    }
}
