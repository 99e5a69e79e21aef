import Foundation

/// Minimizes a function of a few real variables without derivatives: the
/// Nelder–Mead simplex method (reflect, expand, contract, shrink), restarted
/// from its best point until a restart no longer improves it, which guards
/// against the simplex collapsing early on a long, narrow valley — the shape
/// of the BG/NBD likelihood in `alpha` and `r`.
///
/// Hand-written because no package that resolves here fits models: the
/// method is forty lines, and its result is checked against the published
/// CDNOW fits in the tests.
struct NelderMead {
    struct Result {
        var point: [Double]
        var value: Double
        var iterations: Int
        /// The simplex shrank below the tolerances before `maximumIterations`.
        var converged: Bool
    }

    var valueTolerance = 1e-10
    var pointTolerance = 1e-9
    var maximumIterations = 20_000
    var initialStep = 0.5

    func minimize(_ function: ([Double]) -> Double, from start: [Double]) -> Result {
        var result = run(function, from: start, budget: maximumIterations)
        // Restart from the best point: a fresh simplex either confirms the
        // minimum or moves on from where the old one had collapsed.
        while result.converged, result.iterations < maximumIterations {
            let again = run(function, from: result.point, budget: maximumIterations - result.iterations)
            let improved = again.value < result.value - valueTolerance * max(1, abs(result.value))
            result = Result(point: again.value < result.value ? again.point : result.point,
                            value: min(again.value, result.value),
                            iterations: result.iterations + again.iterations, converged: again.converged)
            if !improved { break }
        }
        return result
    }

    private func run(_ function: ([Double]) -> Double, from start: [Double], budget: Int) -> Result {
        let dimension = start.count
        // A NaN (a parameter where the function is not defined) counts as +∞,
        // so the simplex steps away from it.
        func value(_ point: [Double]) -> Double {
            let v = function(point)
            return v.isNaN ? .infinity : v
        }
        var simplex = [start]
        for index in 0..<dimension {
            var vertex = start
            vertex[index] += initialStep
            simplex.append(vertex)
        }
        var values = simplex.map(value)
        var iterations = 0
        func combine(_ p: [Double], _ q: [Double], _ t: Double) -> [Double] { zip(p, q).map { $0 + t * ($1 - $0) } }
        while iterations < budget {
            iterations += 1
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = values[dimension] - values[0]
            let size = simplex.dropFirst().map { vertex in zip(vertex, simplex[0]).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
            if spread <= valueTolerance * max(1, abs(values[0])), size <= pointTolerance {
                return Result(point: simplex[0], value: values[0], iterations: iterations, converged: true)
            }
            let centroid = (0..<dimension).map { i in simplex.dropLast().reduce(0) { $0 + $1[i] } / Double(dimension) }
            let worst = simplex[dimension]
            let reflected = combine(centroid, worst, -1)
            let reflectedValue = value(reflected)
            if reflectedValue < values[0] {
                let expanded = combine(centroid, worst, -2)
                let expandedValue = value(expanded)
                (simplex[dimension], values[dimension]) = expandedValue < reflectedValue
                    ? (expanded, expandedValue) : (reflected, reflectedValue)
                continue
            }
            if reflectedValue < values[dimension - 1] {
                (simplex[dimension], values[dimension]) = (reflected, reflectedValue)
                continue
            }
            // Contract towards the better of the worst point and its reflection.
            let outside = reflectedValue < values[dimension]
            let contracted = combine(centroid, outside ? reflected : worst, 0.5)
            let contractedValue = value(contracted)
            if contractedValue < (outside ? reflectedValue : values[dimension]) {
                (simplex[dimension], values[dimension]) = (contracted, contractedValue)
                continue
            }
            for index in 1...dimension {
                simplex[index] = combine(simplex[0], simplex[index], 0.5)
                values[index] = value(simplex[index])
            }
        }
        let best = values.indices.min { values[$0] < values[$1] } ?? 0
        return Result(point: simplex[best], value: values[best], iterations: iterations, converged: false)
    }
}
