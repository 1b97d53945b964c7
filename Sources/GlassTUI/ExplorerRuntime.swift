#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GlassPlot

/// The main loop: read input, update, perform effects, render, draw; polls for signals on
/// each read timeout.
public enum ExplorerRuntime {
    /// How the loop ended.
    public enum Exit: Equatable, Sendable {
        /// The user quit.
        case quit
        /// A signal arrived (exit status 128 + n).
        case signal(Int32)
    }

    /// Runs until quit or a signal; `perform` does the file effects. The terminal is closed
    /// before returning.
    public static func run<T: TerminalBackend>(_ initial: ExplorerState, terminal: inout T,
                                                perform: (Effect) -> EffectOutcome) -> Exit {
        var state = initial
        // The plot of the last frame: a key that changes no curve does not draw them again.
        var plotCache = PlotPaneCache()
        state.style = terminal.style
        let (w, h) = terminal.size
        state = ExplorerUpdate.update(state, .resize(width: w, height: h)).state
        terminal.draw(ExplorerRenderer.render(state, plotCache: &plotCache))
        while true {
            let signal = SignalWatch.pending
            // (Not while the window is too small: the prompt is hidden, and Ctrl-C quits there.)
            if signal == SIGINT, state.mode != .normal, ExplorerRenderer.fits(width: state.width, height: state.height) {
                // Ctrl-C in a prompt, a question or a list cancels it, as Esc does (a shell's
                // line editor's habit); it ended the session, unwritten changes and all.
                SignalWatch.clear()
                state = ExplorerUpdate.update(state, .cancel).state
                terminal.draw(ExplorerRenderer.render(state, plotCache: &plotCache))
                continue
            }
            if signal != 0 {
                terminal.close()
                return .signal(signal)
            }
            let input = terminal.read()
            let action: Action?
            switch input {
            case .timeout: action = nil
            case .resize(let w, let h): action = .resize(width: w, height: h)
            case .key(let k): action = KeyMap.action(for: k, in: state)
            case .redraw:
                terminal.invalidate()
                action = nil
                terminal.draw(ExplorerRenderer.render(state, plotCache: &plotCache))
            }
            guard let action else { continue }
            let (next, effect) = ExplorerUpdate.update(state, action)
            state = next
            switch effect {
            case .quit?:
                terminal.close()
                return .quit
            case let effect?:
                // Show "working…" while the effect runs, then its outcome: each effect runs once.
                terminal.draw(ExplorerRenderer.render(state, plotCache: &plotCache))
                state = ExplorerUpdate.update(state, .effectFinished(perform(effect))).state
            case nil:
                break
            }
            terminal.draw(ExplorerRenderer.render(state, plotCache: &plotCache))
        }
    }
}
