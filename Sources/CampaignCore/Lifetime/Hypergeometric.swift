/// Gauss's hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1, by its
/// series Σ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ, which is what BG/NBD's expected
/// purchases need: there z = t / (alpha + T + t) stays below 1.
enum Hypergeometric {
    static func f21(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        precondition(z >= 0 && z < 1, "2F1 series needs 0 ≤ z < 1")
        var term = 1.0, sum = 1.0
        for k in 0..<100_000 {
            let n = Double(k)
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            if abs(term) <= 1e-15 * abs(sum) { break }
        }
        return sum
    }
}
