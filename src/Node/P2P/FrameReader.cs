using System.Buffers.Binary;

namespace DaiChain.Node.P2P;

/// <summary>
/// Reads the byte stream of one connection through a bounded buffer: raw bytes for the hello, then sealed frames
/// that it decrypts. One instance serves the handshake and then the peer's receive loop, so bytes the remote sends
/// right after its handshake are never lost in a read-ahead.
/// </summary>
/// <remarks>
/// The length prefix is checked against the caller's bound before any of the frame is read, so an oversized frame
/// is refused without buffering it. Not thread-safe: only one read is ever in flight.
/// </remarks>
internal sealed class FrameReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[2 * FrameCodec.MaxWireBytes];
    private readonly byte[] _plaintext = new byte[FrameCodec.MaxPlaintextBytes];
    private int _start;
    private int _end;

    public FrameReader(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads exactly <paramref name="count"/> raw bytes; the result is valid until the next read.</summary>
    /// <exception cref="EndOfStreamException">The stream ended first.</exception>
    public async ValueTask<ReadOnlyMemory<byte>> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        await EnsureAsync(count, cancellationToken).ConfigureAwait(false);
        var result = _buffer.AsMemory(_start, count);
        _start += count;
        return result;
    }

    /// <summary>
    /// Reads and decrypts one frame whose plaintext is at most <paramref name="maxPlaintextBytes"/>; the plaintext is
    /// valid until the next read.
    /// </summary>
    /// <exception cref="P2PProtocolException">The length prefix is out of bounds or the frame fails authentication.</exception>
    /// <exception cref="EndOfStreamException">The stream ended first.</exception>
    public async ValueTask<ReadOnlyMemory<byte>> ReadFrameAsync(FrameCipher cipher, int maxPlaintextBytes, CancellationToken cancellationToken)
    {
        await EnsureAsync(FrameCipher.LengthBytes, cancellationToken).ConfigureAwait(false);
        var sealedLength = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start, FrameCipher.LengthBytes));
        if (sealedLength < FrameCipher.TagBytes + 1 || sealedLength > (uint)(maxPlaintextBytes + FrameCipher.TagBytes))
        {
            throw new P2PProtocolException(ProtocolViolation.FrameLength, $"frame length {sealedLength} is outside 17..{maxPlaintextBytes + FrameCipher.TagBytes}");
        }

        var total = FrameCipher.LengthBytes + (int)sealedLength;
        await EnsureAsync(total, cancellationToken).ConfigureAwait(false);
        var frame = _buffer.AsSpan(_start, total);
        var plaintextLength = (int)sealedLength - FrameCipher.TagBytes;
        if (!cipher.TryOpen(frame[..FrameCipher.LengthBytes], frame[FrameCipher.LengthBytes..], _plaintext))
        {
            throw new P2PProtocolException(ProtocolViolation.BadMac, $"frame {cipher.Counter - 1} failed authentication (bad MAC)");
        }

        _start += total;
        return _plaintext.AsMemory(0, plaintextLength);
    }

    private async ValueTask EnsureAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count)
        {
            return;
        }

        if (_buffer.Length - _start < count)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        while (_end - _start < count)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("the remote closed the connection");
            }

            _end += read;
            BytesRead += read;
        }
    }
}
