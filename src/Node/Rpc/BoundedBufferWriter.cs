using System.Buffers;

namespace DaiChain.Node.Rpc;

/// <summary>
/// A pooled, growable byte buffer that refuses to hold more than <see cref="Limit"/> bytes, so a large result
/// (or request body) fails as soon as it passes its limit instead of after it has filled memory.
/// </summary>
/// <remarks>
/// <see cref="System.Text.Json.Utf8JsonWriter"/> asks for room generously (several times a string's length in
/// case every character needs escaping), so room may be granted up to twice the limit; what counts is what
/// is committed with <see cref="Advance"/>, which is checked exactly.
/// </remarks>
internal sealed class BoundedBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int InitialBytes = 4096;
    private const int SlackBytes = 64 * 1024;

    private byte[] _buffer;
    private int _written;

    public BoundedBufferWriter(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        Limit = limit;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBytes, limit));
    }

    /// <summary>Most bytes that may be committed; raise it to write a small error after a result was cut.</summary>
    public int Limit { get; set; }

    public int WrittenCount => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _buffer.Length)
        {
            throw new InvalidOperationException("advanced past the memory handed out");
        }

        if ((long)_written + count > Limit)
        {
            throw new BufferLimitExceededException(Limit);
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var available = Ensure(sizeHint);
        return _buffer.AsMemory(_written, available);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var available = Ensure(sizeHint);
        return _buffer.AsSpan(_written, available);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Advance(bytes.Length);
    }

    /// <summary>Forgets everything written after <paramref name="length"/> bytes.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _written);
        _written = length;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> bytes; returns how many are available.</summary>
    private int Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        var available = _buffer.Length - _written;
        if (available >= needed)
        {
            return available;
        }

        var required = (long)_written + needed;
        var ceiling = (2L * Limit) + SlackBytes;
        if (required > ceiling)
        {
            throw new BufferLimitExceededException(Limit);
        }

        var size = (int)Math.Min(Math.Max(required, 2L * _buffer.Length), Math.Min(ceiling, Array.MaxLength));
        var grown = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _written).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
        return _buffer.Length - _written;
    }
}
