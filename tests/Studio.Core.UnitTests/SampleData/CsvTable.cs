using System.Globalization;

namespace Studio.Core.UnitTests.SampleData;

/// <summary>Minimal reader for the generator's files (no quoted fields occur in them).</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
        _columns = header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public static CsvTable Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        return new CsvTable(header, rows);
    }

    public IEnumerable<string> Column(string name)
    {
        var index = _columns[name];
        return Rows.Select(r => r[index]);
    }

    public IEnumerable<double> Numbers(string name) =>
        Column(name).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture));

    public string Get(string[] row, string name) => row[_columns[name]];

    public double Number(string[] row, string name) =>
        double.Parse(row[_columns[name]], NumberStyles.Float, CultureInfo.InvariantCulture);
}
