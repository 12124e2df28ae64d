using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Studio.Analysis.Export;

/// <summary>The few cell styles an export needs; the indexes are positions in the stylesheet's cell formats.</summary>
internal static class XlsxStyles
{
    public const uint Date = 1;
    public const uint DateTime = 2;
    /// <summary>Excel's leading apostrophe: the cell is text even when it starts with = + - @, and its value is unchanged.</summary>
    public const uint QuotePrefixed = 3;

    private const uint DateFormatId = 164;
    private const uint DateTimeFormatId = 165;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "yyyy-mm-dd hh:mm:ss" })
        { Count = 2 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateTimeFormatId, ApplyNumberFormat = true },
            new CellFormat { QuotePrefix = true })
        { Count = 4 });
}
