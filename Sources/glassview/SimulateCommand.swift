import ArgumentParser
import Foundation
import GlassKit

/// `glassview simulate`: physical simulators that write studies in the native format.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate simulated studies (DSC: TNM enthalpy relaxation with KWW kinetics).",
        subcommands: [SimulateDMA.self]
    )
}
