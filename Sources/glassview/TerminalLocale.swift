import GlassPlatform

/// The terminal's character set (`LC_CTYPE` from the environment), adopted once per process:
/// `setlocale` is not safe while another thread runs, and `plot`'s early load (`EarlyLoad`) may
/// already be reading when `run()` starts, so the early load adopts it before its thread starts
/// and `run()` then finds it done. Numbers stay in the C locale (`LC_NUMERIC`: strtod).
enum TerminalLocale {
    private static let adopted: Bool = setlocale(LC_CTYPE, "") != nil

    static func adopt() { _ = adopted }
}
