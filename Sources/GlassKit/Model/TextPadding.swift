/// Column padding for plain-text tables and help.
extension String {
    /// The text with spaces in front up to `n` characters (unchanged when it is as long).
    public func leftPadded(_ n: Int) -> String {
        count >= n ? self : String(repeating: " ", count: n - count) + self
    }

    /// The text padded with spaces, or cut, to `n` UTF-16 code units: Foundation's
    /// `padding(toLength: n, withPad: " ", startingAt: 0)`, without NSString.
    public func rightPadded(_ n: Int) -> String {
        let length = utf16.count
        if length < n { return self + String(repeating: " ", count: n - length) }
        if length == n { return self }
        return String(decoding: Array(utf16.prefix(n)), as: UTF16.self)
    }
}
