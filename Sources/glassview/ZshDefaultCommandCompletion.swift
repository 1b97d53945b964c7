import GlassKit

extension DefaultCommandCompletion {
    /// The zsh `script` with the root function completing as explore too: where the command name
    /// stands (its `command` state) explore's arguments are offered beside the names, and after a
    /// first word that is no command name (its `arg` state) the words are explore's, from the
    /// start (`_arguments` has shifted them; `command_line` and `current_word_index` keep the
    /// line as typed). Nil for any other text.
    static func zsh(_ script: String) -> String? {
        let names = "\n        _describe -V subcommand subcommands && ret=0\n"
        let named = "\n            \"_glassview_${words[1]}\" && ret=0\n            ;;\n"
        guard script.literalRange(of: "\n_glassview_explore() {\n") != nil,
              let root = script.literalRange(of: "\n_glassview() {\n"),
              let end = script[root.upperBound...].literalRange(of: "\n}\n"),
              let describe = script[root.upperBound..<end.lowerBound].literalRange(of: names),
              let branch = script[describe.upperBound..<end.lowerBound].literalRange(of: named)
        else { return nil }
        return String(script[..<describe.upperBound])
            + "        # `glassview STUDY…` runs the default command, explore: its study paths and options too.\n"
            + "        _glassview_explore && ret=0\n"
            + String(script[describe.upperBound..<branch.upperBound])
            + """
                      *)
                          # A first word that is no command name: the line is explore's, as typed.
                          words=("${command_line[@]}")
                          (( CURRENT = current_word_index + 1 ))
                          _glassview_explore && ret=0
                          ;;

              """
            + String(script[branch.upperBound...])
    }
}
