import GlassKit

/// `glassview STUDY` is `glassview explore STUDY`: explore is the default command. ArgumentParser's
/// completion scripts (bash, zsh, fish) know only the command names in that place (`glassview
/// <TAB>` offered `explore analyze …` and no directory; `glassview samples/x <TAB>` offered the
/// names again, or nothing). Each script is changed so that where a command name may stand,
/// explore's completions are offered too (study paths, and its options after a `-`), and a first
/// word that is no command name completes as explore's arguments. A script of another shape than
/// the one each change looks for is left as it is.
enum DefaultCommandCompletion {
    /// `script` (bash, zsh or fish, as ArgumentParser wrote it) completing the default command.
    static func patched(_ script: String) -> String {
        bash(script) ?? zsh(script) ?? fish(script) ?? script
    }

    /// The root function's fallback as ArgumentParser writes it (`_glassview()`'s `*)` branch).
    static let fallback = """
            *)
                # Offer subcommand completions
                COMPREPLY+=($(compgen -W '
        """

    /// The bash `script` with the root's fallback also completing as explore; nil for any other
    /// text (zsh's and fish's scripts, or a bash script of another shape).
    static func bash(_ script: String) -> String? {
        guard let root = script.literalRange(of: "\n_glassview() {\n"),
              let end = script[root.upperBound...].literalRange(of: "\n}\n"),
              let branch = script[root.upperBound..<end.lowerBound].literalRange(of: fallback),
              let close = script[branch.upperBound..<end.lowerBound].literalRange(of: "\n        ;;")
        else { return nil }
        let offer = script[branch.upperBound..<close.lowerBound]
        let replacement = """
                *)
                    # `glassview STUDY…` runs the default command, explore: its study paths (and its
                    # options) are offered with the command names, then as its arguments (the root's
                    # flags, offered before, stand only first).
                    if [[ "${COMP_CWORD}" -eq 1 ]]; then
                        COMPREPLY+=($(compgen -W '\(offer)
                    else
                        COMPREPLY=()
                    fi
                    unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")
                    _glassview_explore
            """
        return String(script[..<branch.lowerBound]) + replacement + String(script[close.lowerBound...])
    }
}
