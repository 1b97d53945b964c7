/// E_u of a state (SPEC §4.1).
public enum UnrelaxedModulus {
    /// Points within this distance of the lowest scan temperature are averaged, K (SPEC §4.1).
    public static let bandK = 5.0

    /// The mean E' of every temperature-scan point of the state (all frequencies pooled) with
    /// T ≤ T_min + 5 K, T_min the lowest temperature of all its scans (SPEC §4.1); nil without a scan.
    public static func estimate(scans: [Dataset]) -> Double? {
        let tMin = scans.compactMap { $0.temperatureKValues.min() }.min()
        guard let tMin else { return nil }
        var sum = 0.0, n = 0
        for s in scans {
            for (i, t) in s.temperatureKValues.enumerated() where t <= tMin + bandK && i < s.storageMPa.count {
                sum += s.storageMPa[i]; n += 1
            }
        }
        return n > 0 ? sum / Double(n) : nil
    }
}
