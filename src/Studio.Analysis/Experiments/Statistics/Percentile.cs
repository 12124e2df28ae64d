namespace Studio.Analysis.Experiments.Statistics;

/// <summary>Percentiles by selection (expected O(n)), numpy's default "linear" definition:
/// position q/100 * (n - 1) in the sorted values, interpolated between its neighbours.</summary>
public static class Percentile
{
    /// <summary>Reorders <paramref name="values"/> in place.</summary>
    public static double OfInPlace(Span<double> values, double percentile)
    {
        if (values.IsEmpty) return double.NaN;
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var position = percentile / 100 * (values.Length - 1);
        var lowIndex = (int)Math.Floor(position);
        var low = Select(values, lowIndex);
        if (lowIndex + 1 >= values.Length) return low;
        // After selection every element right of lowIndex is >= low; the next order statistic is their minimum.
        var high = double.PositiveInfinity;
        foreach (var v in values[(lowIndex + 1)..]) high = Math.Min(high, v);
        return low + (position - lowIndex) * (high - low);
    }

    private static double Select(Span<double> a, int k)
    {
        int left = 0, right = a.Length - 1;
        while (right > left)
        {
            var mid = left + (right - left) / 2;
            // Median of three as the pivot keeps sorted or constant inputs from degrading.
            if (a[mid] < a[left]) (a[mid], a[left]) = (a[left], a[mid]);
            if (a[right] < a[left]) (a[right], a[left]) = (a[left], a[right]);
            if (a[right] < a[mid]) (a[right], a[mid]) = (a[mid], a[right]);
            var pivot = a[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return a[k];
        }

        return a[k];
    }
}
