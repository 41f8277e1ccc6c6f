using DaiChain.Node.P2P;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.P2P;

public class HandshakeTests
{
    private const string Chain = "daichain-test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly Secp256k1HandshakeCrypto _crypto = TestIdentities.Crypto;

    private HandshakeSettings Settings(INodeIdentity identity, PeerId? expected = null, string chainId = Chain, Func<PeerId, HandshakeException?>? admit = null) =>
        new(chainId, identity, _crypto, expected, admit ?? (_ => null));

    private static async Task<(Task<HandshakeResult> Dialer, Task<HandshakeResult> Acceptor)> RunBoth(SocketPair pair, HandshakeSettings dialer, HandshakeSettings acceptor)
    {
        var d = Handshake.RunAsync(pair.DialerStream, new FrameReader(pair.DialerStream), dialer, Timeout, TimeProvider.System, default);
        var a = Handshake.RunAsync(pair.AcceptorStream, new FrameReader(pair.AcceptorStream), acceptor, Timeout, TimeProvider.System, default);
        var first = await Task.WhenAny(d, a).WaitAsync(Timeout);
        if (first.IsFaulted)
        {
            // As the switch does: a side that refuses closes its socket, which ends the other side's handshake.
            pair.Dispose();
        }

        await Task.WhenAny(Task.WhenAll(d, a)).WaitAsync(Timeout);
        return (d, a);
    }

    private static async Task<HandshakeFailure> FailureOf(Task<HandshakeResult> task) =>
        (await Assert.ThrowsAsync<HandshakeException>(() => task)).Failure;

    /// <summary>Both sides detect the problem on their own; the slower one may see the faster one's close first.</summary>
    private static async Task AssertBothRefuse(HandshakeFailure expected, Task<HandshakeResult> dialer, Task<HandshakeResult> acceptor)
    {
        var failures = new[] { await FailureOf(dialer), await FailureOf(acceptor) };
        Assert.Contains(expected, failures);
        Assert.All(failures, f => Assert.True(f == expected || f == HandshakeFailure.ConnectionClosed, $"unexpected {f}"));
    }

    [Fact]
    public async Task Both_sides_learn_the_others_key_and_share_working_ciphers()
    {
        using var pair = await SocketPair.ConnectAsync();
        var a = TestIdentities.Node(1);
        var b = TestIdentities.Node(2);

        var (dialer, acceptor) = await RunBoth(pair, Settings(a, expected: b.Id), Settings(b));

        var d = await dialer;
        var r = await acceptor;
        Assert.Equal(b.Id, d.RemoteId);
        Assert.Equal(a.Id, r.RemoteId);
        var wire = new byte[64];
        var length = d.SendCipher.Seal("hi"u8, wire);
        var plaintext = new byte[64];
        Assert.True(r.ReceiveCipher.TryOpen(wire.AsSpan(0, 4), wire.AsSpan(4, length - 4), plaintext));
        Assert.Equal("hi"u8.ToArray(), plaintext.AsSpan(0, 2).ToArray());
    }

    [Fact]
    public async Task A_different_chain_id_is_refused_by_both()
    {
        using var pair = await SocketPair.ConnectAsync();

        var (dialer, acceptor) = await RunBoth(pair, Settings(TestIdentities.Node(1), chainId: "other-chain"), Settings(TestIdentities.Node(2)));

        await AssertBothRefuse(HandshakeFailure.ChainIdMismatch, dialer, acceptor);
    }

    [Fact]
    public async Task Another_protocol_version_is_refused()
    {
        using var pair = await SocketPair.ConnectAsync();
        var acceptor = Handshake.RunAsync(pair.AcceptorStream, new FrameReader(pair.AcceptorStream), Settings(TestIdentities.Node(2)), Timeout, TimeProvider.System, default);

        using var ephemeral = _crypto.CreateEphemeralKey();
        await pair.DialerStream.WriteAsync(HandshakeHello.Create(2, Chain, ephemeral.PublicKey).Encoded);

        Assert.Equal(HandshakeFailure.VersionMismatch, await FailureOf(acceptor));
    }

    [Fact]
    public async Task Bytes_that_are_not_a_hello_are_refused_as_not_a_peer()
    {
        using var pair = await SocketPair.ConnectAsync();
        var acceptor = Handshake.RunAsync(pair.AcceptorStream, new FrameReader(pair.AcceptorStream), Settings(TestIdentities.Node(2)), Timeout, TimeProvider.System, default);

        await pair.DialerStream.WriteAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray());

        Assert.Equal(HandshakeFailure.NotAPeer, await FailureOf(acceptor));
    }

    [Fact]
    public async Task A_signature_by_another_key_than_the_presented_one_fails()
    {
        using var pair = await SocketPair.ConnectAsync();
        var victim = TestIdentities.Node(1);
        var impostor = new LyingIdentity(victim.Id, TestIdentities.Node(3));

        var (_, acceptor) = await RunBoth(pair, Settings(impostor), Settings(TestIdentities.Node(2)));

        Assert.Equal(HandshakeFailure.BadSignature, await FailureOf(acceptor));
    }

    [Fact]
    public async Task A_signature_over_another_transcript_fails()
    {
        using var pair = await SocketPair.ConnectAsync();
        var honest = TestIdentities.Node(1);
        var replaying = new LyingIdentity(honest.Id, honest, payload =>
        {
            payload[0] ^= 0x01;
            return payload;
        });

        var (_, acceptor) = await RunBoth(pair, Settings(replaying), Settings(TestIdentities.Node(2)));

        Assert.Equal(HandshakeFailure.BadSignature, await FailureOf(acceptor));
    }

    [Fact]
    public async Task A_signature_for_the_other_side_role_fails()
    {
        using var pair = await SocketPair.ConnectAsync();
        var honest = TestIdentities.Node(1);
        var reflecting = new LyingIdentity(honest.Id, honest, payload =>
        {
            payload[^1] ^= 0x01;
            return payload;
        });

        var (_, acceptor) = await RunBoth(pair, Settings(reflecting), Settings(TestIdentities.Node(2)));

        Assert.Equal(HandshakeFailure.BadSignature, await FailureOf(acceptor));
    }

    [Fact]
    public async Task A_refused_key_never_receives_our_signature()
    {
        using var pair = await SocketPair.ConnectAsync();
        var stranger = TestIdentities.Node(9);
        var refuse = (PeerId id) => new HandshakeException(HandshakeFailure.Unauthorized, $"{id} not registered");

        var acceptor = Handshake.RunAsync(pair.AcceptorStream, new FrameReader(pair.AcceptorStream), Settings(TestIdentities.Node(2), admit: refuse), Timeout, TimeProvider.System, default);
        var dialer = Handshake.RunAsync(pair.DialerStream, new FrameReader(pair.DialerStream), Settings(stranger), Timeout, TimeProvider.System, default);

        Assert.Equal(HandshakeFailure.Unauthorized, await FailureOf(acceptor));
        Assert.False(dialer.IsCompleted);
        pair.Acceptor.Dispose();
        Assert.Equal(HandshakeFailure.ConnectionClosed, await FailureOf(dialer));
    }

    [Fact]
    public async Task A_dial_answered_by_another_node_fails()
    {
        using var pair = await SocketPair.ConnectAsync();
        var expected = TestIdentities.Node(5).Id;

        var (dialer, _) = await RunBoth(pair, Settings(TestIdentities.Node(1), expected: expected), Settings(TestIdentities.Node(2)));

        Assert.Equal(HandshakeFailure.UnexpectedPeer, await FailureOf(dialer));
    }

    [Fact]
    public async Task A_connection_to_itself_is_refused()
    {
        using var pair = await SocketPair.ConnectAsync();
        var self = TestIdentities.Node(1);

        var (dialer, acceptor) = await RunBoth(pair, Settings(self), Settings(self));

        await AssertBothRefuse(HandshakeFailure.SelfConnection, dialer, acceptor);
    }

    [Fact]
    public async Task A_reflected_hello_is_refused()
    {
        using var pair = await SocketPair.ConnectAsync();
        var acceptor = Handshake.RunAsync(pair.AcceptorStream, new FrameReader(pair.AcceptorStream), Settings(TestIdentities.Node(2)), Timeout, TimeProvider.System, default);

        var hello = new byte[HandshakeHello.PrefixBytes + Chain.Length + HandshakeHello.EphemeralKeyBytes];
        await pair.DialerStream.ReadExactlyAsync(hello);
        await pair.DialerStream.WriteAsync(hello);

        Assert.Equal(HandshakeFailure.InvalidKey, await FailureOf(acceptor));
    }

    [Fact]
    public async Task A_silent_remote_times_out_on_the_injected_clock()
    {
        using var pair = await SocketPair.ConnectAsync();
        var clock = new ManualTimeProvider();
        var acceptor = Handshake.RunAsync(pair.AcceptorStream, new FrameReader(pair.AcceptorStream), Settings(TestIdentities.Node(2)), TimeSpan.FromSeconds(5), clock, default);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(acceptor.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HandshakeFailure.Timeout, await FailureOf(acceptor));
    }

    [Fact]
    public async Task A_tampered_handshake_frame_fails_authentication()
    {
        using var pair = await SocketPair.ConnectAsync();
        var acceptor = Handshake.RunAsync(pair.AcceptorStream, new FrameReader(pair.AcceptorStream), Settings(TestIdentities.Node(2)), Timeout, TimeProvider.System, default);

        using var ephemeral = _crypto.CreateEphemeralKey();
        await pair.DialerStream.WriteAsync(HandshakeHello.Create(Chain, ephemeral.PublicKey).Encoded);
        var theirs = new byte[HandshakeHello.PrefixBytes + Chain.Length + HandshakeHello.EphemeralKeyBytes];
        await pair.DialerStream.ReadExactlyAsync(theirs);
        var garbage = new byte[4 + 34 + 16];
        garbage[3] = 34 + 16;
        await pair.DialerStream.WriteAsync(garbage);

        Assert.Equal(HandshakeFailure.DecryptionFailed, await FailureOf(acceptor));
    }
}
