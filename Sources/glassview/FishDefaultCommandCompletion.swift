import GlassKit

extension DefaultCommandCompletion {
    /// The fish `script` completing as explore where the command name stands and after a first
    /// word that is no command name. The token parser reads such a line as explore's (its `case
    /// '*'`), so every explore completion applies there; at the first word, explore's study paths
    /// and its options the root does not have (the root's `--version`, `-h`) are offered beside
    /// the command names. Nil for any other text.
    static func fish(_ script: String) -> String? {
        let explore = "\n        case 'explore'\n"
        let positional = "complete -c 'glassview' -n '__glassview_should_offer_completions_for_positional "
        let option = "complete -c 'glassview' -n '__glassview_should_offer_completions_for_flags_or_options "
        guard let parser = script.literalRange(of: "\nfunction __glassview_parse_tokens -S\n"),
              let exploreCase = script[parser.upperBound...].literalRange(of: explore),
              let parseLine = script[exploreCase.upperBound...].literalRange(of: "\n"),
              let rootEnd = script[parseLine.upperBound...].literalRange(of: "\n        end\n")
        else { return nil }
        let parseExplore = script[exploreCase.upperBound..<parseLine.lowerBound]
        var lines = String(script[..<rootEnd.lowerBound])
            + """

                      case '*'
                          # `glassview STUDY…` runs the default command, explore: its tokens are explore's.
                          if set -q unparsed_tokens[1]
                              set -p unparsed_tokens explore
                  \(parseExplore)
                          end
              """
            + String(script[rootEnd.lowerBound...])
        // The completions of explore offered at the first word, with the command names.
        var all = lines.componentsLiteral(separatedBy: "\n")
        let rootOptions = Set(all.filter { $0.hasPrefix(option + "\"glassview\" ") }.compactMap(longName))
        var first: [String] = []
        for line in all {
            if line.hasPrefix(positional + "\"glassview explore\" -ge 1' ") {
                first.append(positional + "\"glassview\" -eq 1' " + line.dropFirst((positional + "\"glassview explore\" -ge 1' ").count))
            } else if line.hasPrefix(option + "\"glassview explore\" "), let name = longName(line), !rootOptions.contains(name) {
                first.append(option + "\"glassview\" " + line.dropFirst((option + "\"glassview explore\" ").count))
            }
        }
        guard !first.isEmpty, let names = all.lastIndex(where: { $0.hasPrefix(positional + "\"glassview\" -eq 1' ") }) else { return nil }
        all.insert(contentsOf: first, at: names + 1)
        lines = all.joined(separator: "\n")
        return lines
    }

    /// The long name a fish `complete` line offers (`-l 'ts'`), if any.
    private static func longName(_ line: String) -> String? {
        guard let flag = line.literalRange(of: " -l '"), let close = line[flag.upperBound...].firstIndex(of: "'") else { return nil }
        return String(line[flag.upperBound..<close])
    }
}
