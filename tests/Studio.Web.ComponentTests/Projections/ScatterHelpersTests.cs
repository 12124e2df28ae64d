using Studio.Ml.Projections.Attributes;
using Studio.Web.Components.Pages.Projections;

namespace Studio.Web.ComponentTests.Projections;

public sealed class ScatterHelpersTests
{
    [Fact]
    public void Find_ExactThenCaseInsensitiveThenContains_FirstMatchingIndex()
    {
        string[] keys = ["C000010", "c000001", "C000001", "books"];

        Assert.Equal(2, PointSearch.Find(keys, "C000001"));
        Assert.Equal(3, PointSearch.Find(keys, "BOOKS"));
        Assert.Equal(0, PointSearch.Find(keys, "0001"));
        Assert.Equal(-1, PointSearch.Find(keys, "P00001"));
        Assert.Equal(-1, PointSearch.Find(keys, "  "));
    }

    [Fact]
    public void Sizes_ValuesAndMissing_AreaScaledThreeToFifteenPixels()
    {
        var sizes = ScatterStyle.Sizes([0, 25, 100, double.NaN]);

        Assert.Equal([3f, 9f, 15f, 3f], sizes);
    }

    [Fact]
    public void From_ThirteenCategories_TopElevenKeepColoursRestIsOther()
    {
        var labels = Enumerable.Range(0, 13).SelectMany(c => Enumerable.Repeat($"cat{c:00}", 20 - c)).Append(null).ToArray();
        var values = new AttributeValues(new AttributeOption("col:1:x", "x", false), labels, null);

        var style = ScatterStyle.From(values, null);

        Assert.Equal(12, style.Categories!.Count);
        Assert.Equal("cat00", style.Categories[0]);
        Assert.Equal("Other", style.Categories[^1]);
        Assert.Equal(ScatterStyle.OtherColor, style.Palette![^1]);
        Assert.Equal(("Other", ScatterStyle.OtherColor, 8 + 9 + 1), style.Legend[^1]); // cat11 (9), cat12 (8) and the missing one
        var codes = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(style.ColorBytes).ToArray();
        Assert.Equal(labels.Length, codes.Length);
        Assert.Equal(0f, codes[0]);
        Assert.Equal(11f, codes[^1]);
    }
}
