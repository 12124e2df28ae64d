namespace Studio.Data.Segments;

/// <summary>A segment could not be written because its input is invalid; the message says what and where.</summary>
public sealed class SegmentValidationException : Exception
{
    public SegmentValidationException()
    {
    }

    public SegmentValidationException(string message) : base(message)
    {
    }

    public SegmentValidationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
