using System.Text;

namespace DaiChain.Node.P2P;

/// <summary>
/// The first, unencrypted message each side sends (<c>docs/spec/p2p.md</c>, "Hello"): magic, protocol version,
/// chain id and the ephemeral public key, at most <see cref="MaxBytes"/> bytes.
/// </summary>
internal sealed class HandshakeHello
{
    /// <summary>The protocol version this build speaks; a peer with another version is refused.</summary>
    public const byte ProtocolVersion = 1;

    public const int MaxChainIdBytes = 64;

    /// <summary>Magic, version and chain id length: read first, so a non-DaiChain peer is refused after six bytes.</summary>
    public const int PrefixBytes = 6;

    public const int EphemeralKeyBytes = 33;

    public const int MaxBytes = PrefixBytes + MaxChainIdBytes + EphemeralKeyBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private HandshakeHello(byte[] encoded, string chainId, byte[] ephemeralKey)
    {
        Encoded = encoded;
        ChainId = chainId;
        EphemeralKey = ephemeralKey;
    }

    /// <summary>"DCP2": DaiChain P2P.</summary>
    public static ReadOnlySpan<byte> Magic => "DCP2"u8;

    /// <summary>The exact bytes sent or received; they enter the transcript.</summary>
    public byte[] Encoded { get; }

    public string ChainId { get; }

    public byte[] EphemeralKey { get; }

    public static HandshakeHello Create(string chainId, ReadOnlySpan<byte> ephemeralKey) => Create(ProtocolVersion, chainId, ephemeralKey);

    /// <summary>Builds a hello with any version byte (tests use it to speak a version this build does not).</summary>
    public static HandshakeHello Create(byte version, string chainId, ReadOnlySpan<byte> ephemeralKey)
    {
        var chainIdBytes = StrictUtf8.GetBytes(chainId);
        if (chainIdBytes.Length is 0 or > MaxChainIdBytes)
        {
            throw new ArgumentException($"chain id must be 1-{MaxChainIdBytes} bytes of UTF-8", nameof(chainId));
        }

        if (ephemeralKey.Length != EphemeralKeyBytes)
        {
            throw new ArgumentException($"ephemeral key must be {EphemeralKeyBytes} bytes", nameof(ephemeralKey));
        }

        var encoded = new byte[PrefixBytes + chainIdBytes.Length + EphemeralKeyBytes];
        Magic.CopyTo(encoded);
        encoded[4] = version;
        encoded[5] = (byte)chainIdBytes.Length;
        chainIdBytes.CopyTo(encoded.AsSpan(PrefixBytes));
        ephemeralKey.CopyTo(encoded.AsSpan(PrefixBytes + chainIdBytes.Length));
        return new HandshakeHello(encoded, chainId, ephemeralKey.ToArray());
    }

    /// <summary>Reads the remote hello and checks magic, version and chain id, in that order.</summary>
    /// <exception cref="HandshakeException">With <see cref="HandshakeFailure.NotAPeer"/>, <see cref="HandshakeFailure.VersionMismatch"/>, <see cref="HandshakeFailure.Malformed"/> or <see cref="HandshakeFailure.ChainIdMismatch"/>.</exception>
    public static async ValueTask<HandshakeHello> ReadAsync(FrameReader reader, string expectedChainId, CancellationToken cancellationToken)
    {
        var prefix = (await reader.ReadExactAsync(PrefixBytes, cancellationToken).ConfigureAwait(false)).ToArray();
        if (!prefix.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new HandshakeException(HandshakeFailure.NotAPeer, "the remote is not a DaiChain node (bad hello magic)");
        }

        if (prefix[4] != ProtocolVersion)
        {
            throw new HandshakeException(HandshakeFailure.VersionMismatch, $"the remote speaks P2P protocol version {prefix[4]}; this node speaks {ProtocolVersion}");
        }

        int chainIdLength = prefix[5];
        if (chainIdLength is 0 or > MaxChainIdBytes)
        {
            throw new HandshakeException(HandshakeFailure.Malformed, $"hello chain id length {chainIdLength} is outside 1..{MaxChainIdBytes}");
        }

        var rest = await reader.ReadExactAsync(chainIdLength + EphemeralKeyBytes, cancellationToken).ConfigureAwait(false);
        var encoded = new byte[PrefixBytes + rest.Length];
        prefix.CopyTo(encoded, 0);
        rest.Span.CopyTo(encoded.AsSpan(PrefixBytes));

        string chainId;
        try
        {
            chainId = StrictUtf8.GetString(encoded, PrefixBytes, chainIdLength);
        }
        catch (DecoderFallbackException e)
        {
            throw new HandshakeException(HandshakeFailure.Malformed, "hello chain id is not valid UTF-8", e);
        }

        if (!string.Equals(chainId, expectedChainId, StringComparison.Ordinal))
        {
            throw new HandshakeException(HandshakeFailure.ChainIdMismatch, $"the remote is on chain '{chainId}', this node on '{expectedChainId}'");
        }

        return new HandshakeHello(encoded, chainId, encoded.AsSpan(PrefixBytes + chainIdLength).ToArray());
    }
}
