using System.Net.Sockets;
using System.Security.Cryptography;

namespace DaiChain.Node.P2P;

/// <summary>
/// The authenticated key exchange run on every new connection (<c>docs/spec/p2p.md</c>, "Handshake"): both sides
/// send a hello with an ephemeral key, derive per-direction keys from ECDH with HKDF-SHA256, then exchange their node
/// keys and signatures over the transcript, encrypted. Symmetric: the dialer and the acceptor run the same steps.
/// </summary>
/// <remarks>
/// A station-to-station design as in CometBFT's secret connection: the ephemeral keys give forward secrecy, the
/// signatures over a transcript that binds the chain id, both ephemeral keys and both node keys authenticate the two
/// ends to each other, and sending node keys only under encryption hides them from a passive observer.
/// </remarks>
internal static class Handshake
{
    /// <summary>Largest handshake frame plaintext: kind, length and a signature of up to 96 bytes.</summary>
    public const int MaxAuthFrameBytes = 2 + MaxSignatureBytes;

    public const int MaxSignatureBytes = 96;

    /// <summary>Runs the handshake on a connected stream within <paramref name="timeout"/>.</summary>
    /// <exception cref="HandshakeException">The remote was refused; <see cref="HandshakeException.Failure"/> says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<HandshakeResult> RunAsync(
        Stream stream,
        FrameReader reader,
        HandshakeSettings settings,
        TimeSpan timeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await RunCoreAsync(stream, reader, settings, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new HandshakeException(HandshakeFailure.Timeout, $"the handshake did not finish within {timeout.TotalMilliseconds:0} ms", e);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or SocketException or ObjectDisposedException)
        {
            throw new HandshakeException(HandshakeFailure.ConnectionClosed, $"the connection closed during the handshake: {e.Message}", e);
        }
    }

    private static async Task<HandshakeResult> RunCoreAsync(Stream stream, FrameReader reader, HandshakeSettings settings, CancellationToken cancellationToken)
    {
        HandshakeHello localHello;
        HandshakeHello remoteHello;
        SessionSecrets secrets;
        bool localIsLow;
        using (var ephemeral = settings.Crypto.CreateEphemeralKey())
        {
            localHello = HandshakeHello.Create(settings.ChainId, ephemeral.PublicKey);
            await stream.WriteAsync(localHello.Encoded, cancellationToken).ConfigureAwait(false);
            remoteHello = await HandshakeHello.ReadAsync(reader, settings.ChainId, cancellationToken).ConfigureAwait(false);

            localIsLow = KeySchedule.IsLowSide(localHello.EphemeralKey, remoteHello.EphemeralKey);
            var shared = new byte[KeySchedule.HashBytes];
            try
            {
                if (!settings.Crypto.IsValidPublicKey(remoteHello.EphemeralKey) || !ephemeral.TryDeriveSharedSecret(remoteHello.EphemeralKey, shared))
                {
                    throw new HandshakeException(HandshakeFailure.InvalidKey, "the remote ephemeral key is not a valid secp256k1 point");
                }

                secrets = localIsLow
                    ? KeySchedule.Derive(shared, localHello.Encoded, remoteHello.Encoded)
                    : KeySchedule.Derive(shared, remoteHello.Encoded, localHello.Encoded);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(shared);
            }
        }

        var send = new FrameCipher(localIsLow ? secrets.LowToHighKey : secrets.HighToLowKey);
        var receive = new FrameCipher(localIsLow ? secrets.HighToLowKey : secrets.LowToHighKey);
        CryptographicOperations.ZeroMemory(secrets.LowToHighKey);
        CryptographicOperations.ZeroMemory(secrets.HighToLowKey);
        try
        {
            var localId = settings.Identity.Id;
            await WriteFrameAsync(stream, send, IdentityFrame(localId), cancellationToken).ConfigureAwait(false);
            var remoteId = ParseIdentity(await ReadAuthFrameAsync(reader, receive, cancellationToken).ConfigureAwait(false), settings.Crypto);
            CheckRemote(remoteId, settings);

            var (low, high) = localIsLow ? (localId, remoteId) : (remoteId, localId);
            var authTranscript = KeySchedule.AuthTranscript(secrets.HelloTranscript, low, high);
            var signature = settings.Identity.SignHandshake(settings.ChainId, KeySchedule.SignPayload(authTranscript, localIsLow));
            await WriteFrameAsync(stream, send, SignatureFrame(signature), cancellationToken).ConfigureAwait(false);

            var remoteSignature = ParseSignature(await ReadAuthFrameAsync(reader, receive, cancellationToken).ConfigureAwait(false));
            if (!settings.Crypto.VerifyHandshake(remoteId, settings.ChainId, KeySchedule.SignPayload(authTranscript, !localIsLow), remoteSignature))
            {
                throw new HandshakeException(HandshakeFailure.BadSignature, $"the transcript signature does not verify under node key {remoteId.ToShortString()}");
            }

            return new HandshakeResult(remoteId, send, receive);
        }
        catch
        {
            send.Dispose();
            receive.Dispose();
            throw;
        }
    }

    private static void CheckRemote(PeerId remoteId, HandshakeSettings settings)
    {
        if (remoteId == settings.Identity.Id)
        {
            throw new HandshakeException(HandshakeFailure.SelfConnection, "the remote presented this node's own key (a connection to itself)");
        }

        if (settings.ExpectedPeer is { } expected && expected != remoteId)
        {
            throw new HandshakeException(HandshakeFailure.UnexpectedPeer, $"dialed node {expected.ToShortString()} but {remoteId.ToShortString()} answered");
        }

        if (settings.Admit(remoteId) is { } refusal)
        {
            throw refusal;
        }
    }

    private static byte[] IdentityFrame(PeerId id)
    {
        var frame = new byte[1 + PeerId.Size];
        frame[0] = (byte)FrameKind.AuthIdentity;
        id.CopyTo(frame.AsSpan(1));
        return frame;
    }

    private static byte[] SignatureFrame(byte[] signature)
    {
        if (signature.Length is 0 or > MaxSignatureBytes)
        {
            throw new InvalidOperationException($"the node identity produced a {signature.Length}-byte signature; 1..{MaxSignatureBytes} expected");
        }

        var frame = new byte[2 + signature.Length];
        frame[0] = (byte)FrameKind.AuthSignature;
        frame[1] = (byte)signature.Length;
        signature.CopyTo(frame, 2);
        return frame;
    }

    private static PeerId ParseIdentity(byte[] frame, IHandshakeCrypto crypto)
    {
        if (frame.Length != 1 + PeerId.Size || frame[0] != (byte)FrameKind.AuthIdentity)
        {
            throw new HandshakeException(HandshakeFailure.Malformed, "the first encrypted frame is not a node identity");
        }

        var key = frame.AsSpan(1);
        if (!PeerId.IsWellFormed(key) || !crypto.IsValidPublicKey(key))
        {
            throw new HandshakeException(HandshakeFailure.InvalidKey, "the remote node key is not a valid compressed secp256k1 public key");
        }

        return new PeerId(key);
    }

    private static byte[] ParseSignature(byte[] frame)
    {
        if (frame.Length < 2 || frame[0] != (byte)FrameKind.AuthSignature || frame[1] == 0 || frame[1] > MaxSignatureBytes || frame.Length != 2 + frame[1])
        {
            throw new HandshakeException(HandshakeFailure.Malformed, "the second encrypted frame is not a transcript signature");
        }

        return frame[2..];
    }

    private static async Task WriteFrameAsync(Stream stream, FrameCipher cipher, byte[] plaintext, CancellationToken cancellationToken)
    {
        var wire = new byte[FrameCipher.WireLength(plaintext.Length)];
        cipher.Seal(plaintext, wire);
        await stream.WriteAsync(wire, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadAuthFrameAsync(FrameReader reader, FrameCipher cipher, CancellationToken cancellationToken)
    {
        try
        {
            return (await reader.ReadFrameAsync(cipher, MaxAuthFrameBytes, cancellationToken).ConfigureAwait(false)).ToArray();
        }
        catch (P2PProtocolException e)
        {
            var failure = e.Violation == ProtocolViolation.BadMac ? HandshakeFailure.DecryptionFailed : HandshakeFailure.Malformed;
            throw new HandshakeException(failure, $"handshake frame refused: {e.Message}", e);
        }
    }
}
