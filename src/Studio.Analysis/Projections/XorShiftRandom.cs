namespace Studio.Analysis.Projections;

/// <summary>A small, fast, seedable generator (xorshift64* seeded through splitmix64) for the hot SGD loops.</summary>
internal sealed class XorShiftRandom
{
    private ulong state;

    public XorShiftRandom(int seed)
    {
        var z = (ulong)seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        state = (z ^ (z >> 31)) | 1UL;
    }

    public ulong NextULong()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1DUL;
    }

    public uint NextUInt() => (uint)(NextULong() >> 32);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));
}
