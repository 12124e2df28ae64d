namespace Studio.Analysis.Projections;

/// <summary>Keeps the k smallest (distance, index) pairs in a max-heap; ties go to the lower index.</summary>
internal sealed class TopK(int capacity)
{
    private readonly double[] keys = new double[capacity];
    private readonly int[] items = new int[capacity];
    private int count;

    public void Clear() => count = 0;

    public void Offer(double key, int item)
    {
        if (count < capacity)
        {
            keys[count] = key;
            items[count] = item;
            SiftUp(count++);
        }
        else if (Less(key, item, keys[0], items[0]))
        {
            keys[0] = key;
            items[0] = item;
            SiftDown(0);
        }
    }

    /// <summary>Writes the kept pairs nearest first and empties the heap.</summary>
    public void DrainSorted(Span<int> indices, Span<double> distances)
    {
        for (var slot = count - 1; slot >= 0; slot--)
        {
            indices[slot] = items[0];
            distances[slot] = keys[0];
            count--;
            if (count == 0) break;
            keys[0] = keys[count];
            items[0] = items[count];
            SiftDown(0);
        }
    }

    private static bool Less(double k1, int i1, double k2, int i2) => k1 < k2 || (k1 == k2 && i1 < i2);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Less(keys[parent], items[parent], keys[i], items[i])) break;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var largest = i;
            var left = 2 * i + 1;
            var right = left + 1;
            if (left < count && Less(keys[largest], items[largest], keys[left], items[left])) largest = left;
            if (right < count && Less(keys[largest], items[largest], keys[right], items[right])) largest = right;
            if (largest == i) return;
            Swap(i, largest);
            i = largest;
        }
    }

    private void Swap(int a, int b)
    {
        (keys[a], keys[b]) = (keys[b], keys[a]);
        (items[a], items[b]) = (items[b], items[a]);
    }
}
