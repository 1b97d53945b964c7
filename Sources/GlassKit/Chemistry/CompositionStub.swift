// TEMPORARY until the Composition parser lands.
struct Composition {
    let molarMass: Double
    init(_ s: String) throws { molarMass = 100.87 }
}
