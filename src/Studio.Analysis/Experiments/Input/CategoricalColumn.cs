using System.Runtime.CompilerServices;

namespace Studio.Analysis.Experiments.Input;

/// <summary>
/// A string column stored as codes into a list of distinct values (like an Arrow dictionary array), so the analysis
/// groups rows by an int instead of hashing a string per row. Encoding happens once, when the log is built.
/// </summary>
public sealed class CategoricalColumn
{
    private readonly int[] _codes;
    private readonly List<string?> _categories = [];

    public CategoricalColumn(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _codes = new int[values.Count];
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var missingCode = -1;
        // Identity cache: logs usually repeat the same few string instances, which then skip the hash lookup.
        var cache = new (string? Value, int Code)[256];
        for (var i = 0; i < _codes.Length; i++)
        {
            var value = values[i];
            if (value is null)
            {
                if (missingCode < 0)
                {
                    missingCode = _categories.Count;
                    _categories.Add(null);
                }

                _codes[i] = missingCode;
                continue;
            }

            ref var cached = ref cache[RuntimeHelpers.GetHashCode(value) & 255];
            if (ReferenceEquals(cached.Value, value))
            {
                _codes[i] = cached.Code;
                continue;
            }

            if (!lookup.TryGetValue(value, out var code))
            {
                code = _categories.Count;
                lookup.Add(value, code);
                _categories.Add(value);
            }

            cached = (value, code);
            _codes[i] = code;
        }
    }

    public int Length => _codes.Length;

    /// <summary>Distinct values in order of first appearance; null stands for a missing value.</summary>
    public IReadOnlyList<string?> Categories => _categories;

    public ReadOnlySpan<int> Codes => _codes;

    public string? this[int row] => _categories[_codes[row]];
}
