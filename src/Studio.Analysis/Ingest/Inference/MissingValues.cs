using System.Runtime.CompilerServices;
namespace Studio.Analysis.Ingest.Inference;

/// <summary>
/// The spellings of "no value" an import stores as NULL whatever the column's type. An empty (or blank) cell is
/// always missing; the other tokens are matched case-insensitively after trimming and can be changed per import.
/// Ordinary words such as <c>none</c> are not in the default set: in real files they are categories
/// (a loyalty tier, an offer that was not sent).
/// </summary>
public sealed class MissingValues
{
    public static readonly IReadOnlyList<string> DefaultTokens = ["NA", "N/A", "#N/A", "null", "-"];
    public static readonly MissingValues Default = new(DefaultTokens);
    public const int MaxTokenLength = 32;

    private readonly string[] _tokens;
    /// <summary>ASCII first characters (both cases) of the tokens; any other first character means "not missing".</summary>
    private readonly bool[] _firstChars = new bool[128];
    private readonly bool _nonAsciiFirst;

    public MissingValues(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = [.. tokens.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        foreach (var token in _tokens)
        {
            if (token.Length > MaxTokenLength)
                throw new ArgumentException($"A missing-value token is at most {MaxTokenLength} characters long: '{token}'.", nameof(tokens));
            var first = token[0];
            if (first >= 128) _nonAsciiFirst = true;
            else
            {
                _firstChars[char.ToLowerInvariant(first)] = true;
                _firstChars[char.ToUpperInvariant(first)] = true;
            }
        }
    }

    /// <summary>The tokens besides the empty cell, as the analyst sees and edits them.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>The default set when <paramref name="tokens"/> is null; otherwise exactly the given tokens.</summary>
    public static MissingValues From(IReadOnlyList<string>? tokens) => tokens is null ? Default : new MissingValues(tokens);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsMissing(ReadOnlySpan<char> value)
    {
        // Called for every cell: decide on the first character before any trimming or comparing.
        if (value.IsEmpty) return true;
        var first = value[0];
        if (!char.IsWhiteSpace(first) && !char.IsWhiteSpace(value[^1]) && (first < 128 ? !_firstChars[first] : !_nonAsciiFirst))
            return false;
        var v = value.Trim();
        if (v.IsEmpty) return true;
        foreach (var token in _tokens)
            if (v.Equals(token, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>NaN and infinities: counted and stored as missing in decimal columns.</summary>
    public static bool IsNonFinite(ReadOnlySpan<char> value)
    {
        var v = value.Trim();
        if (v.Length > 0 && (v[0] == '+' || v[0] == '-')) v = v[1..];
        return v.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || v.Equals("Inf", StringComparison.OrdinalIgnoreCase)
            || v.Equals("Infinity", StringComparison.OrdinalIgnoreCase)
            || v.SequenceEqual("∞");
    }
}
