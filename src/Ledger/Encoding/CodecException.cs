namespace DaiChain.Ledger.Encoding;

/// <summary>
/// Bytes that are not the one canonical encoding of a value: truncated, over a declared limit, a
/// non-minimal varint, an unknown version, a bad enum value or trailing bytes. The message names the
/// field and the byte offset so that a rejected input can be diagnosed from the error alone.
/// </summary>
public sealed class CodecException : FormatException
{
    public CodecException(string field, int offset, string problem)
        : base($"invalid encoding of '{field}' at offset {offset}: {problem}")
    {
        Field = field;
        Offset = offset;
        Problem = problem;
    }

    public CodecException()
        : this("(value)", 0, "invalid encoding")
    {
    }

    public CodecException(string message)
        : base(message)
    {
        Field = "(value)";
        Problem = message;
    }

    public CodecException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "(value)";
        Problem = message;
    }

    /// <summary>The name of the field being decoded when the problem was found.</summary>
    public string Field { get; }

    /// <summary>The byte offset in the input where the field starts.</summary>
    public int Offset { get; }

    /// <summary>What is wrong, without the field and offset.</summary>
    public string Problem { get; }
}
