namespace DaiChain.Node.P2P;

/// <summary>
/// The decrypted content of a frame (<c>docs/spec/p2p.md</c>, "Frames"): a kind byte, and for a message fragment
/// the channel, a flags byte (bit 0: last fragment) and the data. Decoding is strict: unknown kinds, unknown flag
/// bits, trailing bytes after a ping or pong and empty non-final fragments are all rejected.
/// </summary>
internal static class FrameCodec
{
    /// <summary>Largest data carried by one fragment (64 KiB): a protocol constant, so both sides agree on the bound.</summary>
    public const int MaxDataBytes = 64 * 1024;

    /// <summary>Kind, channel and flags in front of a fragment's data.</summary>
    public const int MessageHeaderBytes = 3;

    /// <summary>Largest decrypted frame.</summary>
    public const int MaxPlaintextBytes = MessageHeaderBytes + MaxDataBytes;

    /// <summary>Largest value of the length prefix (ciphertext and tag).</summary>
    public const int MaxSealedBytes = MaxPlaintextBytes + FrameCipher.TagBytes;

    /// <summary>Length prefix, ciphertext and tag of the largest frame.</summary>
    public const int MaxWireBytes = FrameCipher.LengthBytes + MaxSealedBytes;

    private const byte LastFragmentFlag = 0x01;

    /// <summary>Writes a fragment's header; the data follows at offset <see cref="MessageHeaderBytes"/>.</summary>
    public static void WriteMessageHeader(Span<byte> destination, ChannelId channel, bool isLast)
    {
        destination[0] = (byte)FrameKind.Message;
        destination[1] = (byte)channel;
        destination[2] = isLast ? LastFragmentFlag : (byte)0;
    }

    /// <summary>Decodes a decrypted frame received after the handshake.</summary>
    /// <exception cref="P2PProtocolException">The frame is not one of the forms above.</exception>
    public static DecodedFrame Decode(ReadOnlySpan<byte> plaintext)
    {
        if (plaintext.IsEmpty)
        {
            throw new P2PProtocolException("empty frame");
        }

        var kind = (FrameKind)plaintext[0];
        switch (kind)
        {
            case FrameKind.Ping:
            case FrameKind.Pong:
                if (plaintext.Length != 1)
                {
                    throw new P2PProtocolException($"{kind} frame has {plaintext.Length - 1} trailing bytes");
                }

                return new DecodedFrame(kind, 0, true, default);

            case FrameKind.Message:
                if (plaintext.Length < MessageHeaderBytes)
                {
                    throw new P2PProtocolException("message frame shorter than its header");
                }

                var flags = plaintext[2];
                if ((flags & ~LastFragmentFlag) != 0)
                {
                    throw new P2PProtocolException($"message frame has unknown flags 0x{flags:x2}");
                }

                var data = plaintext[MessageHeaderBytes..];
                var isLast = flags == LastFragmentFlag;
                if (!isLast && data.IsEmpty)
                {
                    throw new P2PProtocolException("empty non-final fragment");
                }

                if (data.Length > MaxDataBytes)
                {
                    throw new P2PProtocolException($"fragment of {data.Length} bytes is over {MaxDataBytes}");
                }

                return new DecodedFrame(kind, (ChannelId)plaintext[1], isLast, data);

            default:
                throw new P2PProtocolException($"unknown frame kind 0x{plaintext[0]:x2}");
        }
    }
}
