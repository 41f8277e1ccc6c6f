namespace DaiChain.Node.P2P;

/// <summary>
/// Reassembles one channel's fragments into messages for one peer, never holding more than the channel's
/// <see cref="ChannelDescriptor.MaxMessageBytes"/>.
/// </summary>
/// <remarks>The buffer grows with the bytes actually received, so a declared maximum costs no memory until used.</remarks>
internal sealed class MessageAssembler
{
    private readonly ChannelDescriptor _descriptor;
    private byte[] _buffer = [];
    private int _length;

    public MessageAssembler(ChannelDescriptor descriptor)
    {
        _descriptor = descriptor;
    }

    /// <summary>
    /// Adds a fragment; returns the complete message (a fresh array the caller owns) when <paramref name="isLast"/>,
    /// otherwise null.
    /// </summary>
    /// <exception cref="P2PProtocolException">The message would exceed the channel's bound.</exception>
    public byte[]? Add(ReadOnlySpan<byte> data, bool isLast)
    {
        var total = (long)_length + data.Length;
        if (total > _descriptor.MaxMessageBytes)
        {
            throw new P2PProtocolException(ProtocolViolation.MessageTooLarge, $"a message on channel {_descriptor.Id} exceeds its bound of {_descriptor.MaxMessageBytes} bytes");
        }

        if (isLast && _length == 0)
        {
            return data.ToArray();
        }

        if (_buffer.Length < total)
        {
            var grown = new byte[(int)Math.Min(Math.Max(total, 2L * _buffer.Length), _descriptor.MaxMessageBytes)];
            _buffer.AsSpan(0, _length).CopyTo(grown);
            _buffer = grown;
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length = (int)total;
        if (!isLast)
        {
            return null;
        }

        var message = _buffer.AsSpan(0, _length).ToArray();
        _length = 0;
        if (_buffer.Length > 4 * FrameCodec.MaxDataBytes)
        {
            _buffer = [];
        }

        return message;
    }
}
