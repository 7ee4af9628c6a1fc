//! `math.gamma` and `math.lgamma`, computed the way CPython computes them
//! (its own Lanczos approximation rather than the C library's), so results
//! agree with CPython to the last bit wherever the C library's `exp`, `log`,
//! `pow`, `sin` and `cos` do.
//!
//! The approximation is the N = 13, g = 6.024680040776729583740234375 one
//! ("lanczos13m53") published with Boost.Math; its sum is the rational
//! function NUM(x) / DEN(x) below, DEN(x) = x (x+1) ... (x+11).

use std::f64::consts::PI;

/// Why a gamma function has no float result.
#[derive(Debug, PartialEq)]
pub enum MathError {
    /// `ValueError: math domain error`.
    Domain,
    /// `OverflowError: math range error`.
    Range,
}

const G: f64 = 6.024680040776729583740234375;
const G_MINUS_HALF: f64 = 5.524680040776729583740234375;

const NUM: [f64; 13] = [
    23531376880.41075968857200767445163675473,
    42919803642.64909876895789904700198885093,
    35711959237.35566804944018545154716670596,
    17921034426.03720969991975575445893111267,
    6039542586.35202800506429164430729792107,
    1439720407.311721673663223072794912393972,
    248874557.8620541565114603864132294232163,
    31426415.58540019438061423162831820536287,
    2876370.628935372441225409051620849613599,
    186056.2653952234950402949897160456992822,
    8071.672002365816210638002902272250613822,
    210.8242777515793458725097339207133627117,
    2.506628274631000270164908177133837338626,
];

const DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// Gamma of 1..=23: exact as doubles.
const FACTORIALS: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// The Lanczos sum for `x > 0`: Horner in `x` for small `x`, in `1/x` for
/// large `x` (where the powers of `x` would overflow).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..NUM.len()).rev() {
            num = num * x + NUM[i];
            den = den * x + DEN[i];
        }
    } else {
        for i in 0..NUM.len() {
            num = num / x + NUM[i];
            den = den / x + DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)`, exact at the integers and half-integers.
fn sin_pi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// `math.gamma(x)`.
pub fn gamma(x: f64) -> Result<f64, MathError> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(MathError::Domain)
        };
    }
    if x == x.floor() {
        if x <= 0.0 {
            return Err(MathError::Domain);
        }
        if x <= FACTORIALS.len() as f64 {
            return Ok(FACTORIALS[x as usize - 1]);
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathError::Range)
        } else {
            Ok(r)
        };
    }
    if ax > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sin_pi(x))
        } else {
            Err(MathError::Range)
        };
    }
    let y = ax + G_MINUS_HALF;
    // z is the rounding error of y, scaled: it corrects the power below.
    let z = if ax > G_MINUS_HALF {
        let q = y - ax;
        q - G_MINUS_HALF
    } else {
        let q = y - G_MINUS_HALF;
        q - ax
    };
    let z = z * G / y;
    let r = if x < 0.0 {
        let mut r = -PI / sin_pi(ax) / ax * y.exp() / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r / y.powf(ax - 0.5)
        } else {
            let half = y.powf(ax / 2.0 - 0.25);
            r / half / half
        }
    } else {
        let mut r = lanczos_sum(ax) / y.exp();
        r += z * r;
        if ax < 140.0 {
            r * y.powf(ax - 0.5)
        } else {
            let half = y.powf(ax / 2.0 - 0.25);
            r * half * half
        }
    };
    if r.is_infinite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

/// `math.lgamma(x)`: the natural log of `|gamma(x)|`.
pub fn lgamma(x: f64) -> Result<f64, MathError> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(MathError::Domain)
        } else {
            Ok(0.0)
        };
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-ax.ln());
    }
    let mut r = lanczos_sum(ax).ln() - G;
    r += (ax - 0.5) * ((ax + G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = PI.ln() - sin_pi(ax).abs().ln() - ax.ln() - r;
    }
    if r.is_infinite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_factorials() {
        assert_eq!(gamma(5.0), Ok(24.0));
        assert_eq!(lgamma(1.0), Ok(0.0));
        assert_eq!(lgamma(2.0), Ok(0.0));
        assert_eq!(gamma(0.0), Err(MathError::Domain));
        assert_eq!(gamma(-3.0), Err(MathError::Domain));
        assert_eq!(lgamma(-3.0), Err(MathError::Domain));
    }

    #[test]
    fn reflection_and_overflow() {
        assert_eq!(
            gamma(-0.5).map(|g| (g * 1e12).round()),
            Ok((-2.0 * PI.sqrt() * 1e12).round())
        );
        assert_eq!(gamma(172.0), Err(MathError::Range));
        assert_eq!(lgamma(f64::NEG_INFINITY), Ok(f64::INFINITY));
        assert_eq!(gamma(f64::NEG_INFINITY), Err(MathError::Domain));
    }
}
