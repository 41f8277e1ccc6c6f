using DaiChain.Consensus.Messages;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.ConsensusPort;
using DaiChain.Node.P2P;
using DaiChain.Node.Sync;
using DaiChain.Node.Tests.P2P;
using DaiChain.TestKit;
using TestKeys = DaiChain.TestKit.Keys;

namespace DaiChain.Node.Tests.ConsensusPort;

/// <summary>
/// The block-carrying channels are sized from the genesis consensus parameters: the worst-case block and envelope
/// fit the bounds, every valid max_block_bytes gives valid channels, and a largest proposal crosses a real link.
/// </summary>
public class ChainWireLimitsTests
{
    private static readonly string ChainId = new('c', ChainLimits.MaxChainIdBytes);
    private const ulong Height = ulong.MaxValue / 2;
    private const uint Round = uint.MaxValue;

    private static Hash256 H(string text) => Hash256.Compute(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>The last commit of the largest validator set, every signature present, with the widest field values.</summary>
    private static CommitCertificate WidestCertificate() => new(
        Height,
        Round,
        H("block"),
        [.. Enumerable.Range(0, ChainLimits.MaxValidators).Select(i => new CommitSignature(i, long.MaxValue, TestKeys.Validator(0).Sign(H($"sig {i}"))))]);

    /// <summary>A block with no transactions and everything else at its largest: so its whole encoding is overhead.</summary>
    private static Block WorstCaseEmptyBlock()
    {
        var key = TestKeys.Validator(0);
        var evidence = Enumerable.Range(0, ChainLimits.MaxEvidencePerBlock).Select(i => new DuplicateVoteEvidence(
            Vote.Sign(key.Signer(), ChainId, VoteType.Precommit, Height, Round, H($"a {i}"), long.MaxValue, ChainLimits.MaxValidators - 1),
            Vote.Sign(key.Signer(), ChainId, VoteType.Precommit, Height, Round, H($"b {i}"), long.MaxValue, ChainLimits.MaxValidators - 1))).ToList();
        var header = new BlockHeader
        {
            ChainId = ChainId,
            Height = Height,
            TimeMs = long.MaxValue,
            PreviousBlockHash = H("previous"),
            LastCommitHash = H("last commit"),
            TransactionsRoot = H("transactions"),
            ReceiptsRoot = H("receipts"),
            StateRoot = H("state"),
            ValidatorsHash = H("validators"),
            NextValidatorsHash = H("next validators"),
            EvidenceHash = H("evidence"),
            ProposerAddress = key.Address,
        };
        return new Block(header, [], WidestCertificate(), evidence);
    }

    [Fact]
    public void The_worst_case_block_overhead_and_envelopes_fit_their_reserves()
    {
        var overhead = WorstCaseEmptyBlock().Encode().Length;
        Assert.True(overhead + 8 <= ChainWireLimits.BlockOverheadBytes, $"a block's overhead can reach {overhead} bytes");

        var block = new byte[1000];
        var proposal = new ProposalMessage(new SignedProposal(Height, Round, int.MaxValue, H("block"), TestKeys.Validator(0).Address, ChainLimits.MaxValidators - 1, TestKeys.Validator(0).Sign(H("p"))), block);
        var commit = new CommitMessage(block, WidestCertificate());
        var sync = new BlockSyncMessage.BlockAt(Height, block, WidestCertificate());
        foreach (var (name, length) in new[] { ("proposal", Canonical.Encode<ConsensusMessage>(proposal).Length), ("commit", Canonical.Encode<ConsensusMessage>(commit).Length), ("sync", sync.Encode().Length) })
        {
            Assert.True(length - block.Length <= ChainWireLimits.EnvelopeBytes, $"a {name} message adds {length - block.Length} bytes around its block");
        }
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(4 * 1024 * 1024)]
    [InlineData(8 * 1024 * 1024)]
    [InlineData(ChainLimits.MaxBlockBytes - ChainWireLimits.BlockOverheadBytes)]
    [InlineData(ChainLimits.MaxBlockBytes)]
    public void Every_valid_max_block_bytes_gives_channels_that_carry_its_largest_block(int maxBlockBytes)
    {
        var parameters = ConsensusParams.Default with { MaxBlockBytes = maxBlockBytes };
        Assert.Empty(parameters.FindProblems());
        var bound = ChainWireLimits.MaxBlockMessageBytes(parameters);
        Assert.True(bound >= Math.Min(maxBlockBytes + ChainWireLimits.BlockOverheadBytes, ChainLimits.MaxBlockBytes) + ChainWireLimits.EnvelopeBytes);
        Assert.True(bound <= ChainWireLimits.MaxMessageBytesAnyChain);

        var consensus = ConsensusReactor.ChannelFor(bound);
        var sync = BlockSyncReactor.ChannelsFor(new SyncOptions { MaxMessageBytes = bound });
        foreach (var channel in sync.Append(consensus))
        {
            channel.Validate();
        }

        Assert.Equal(bound, consensus.MaxMessageBytes);
        Assert.True(sync.Single(c => c.Id == ChannelId.BlockSync).MaxMessageBytes >= bound);
    }

    [Fact]
    public async Task A_proposal_of_the_largest_block_the_default_genesis_allows_crosses_a_real_link()
    {
        var bound = ChainWireLimits.MaxBlockMessageBytes(ConsensusParams.Default);
        var channels = new[] { ConsensusReactor.ChannelFor(bound) };
        await using var net = new TestNetwork();
        var a = net.Start(0, reactor: new RecordingReactor(channels));
        var b = net.Start(1, reactor: new RecordingReactor(channels));
        await a.Switch.DialAsync(b.Address);
        await Eventually.True(() => a.IsConnectedTo(b) && b.IsConnectedTo(a), "connected");

        var block = new byte[ChainWireLimits.MaxBlockEncodingBytes(ConsensusParams.Default)];
        new Random(5).NextBytes(block);
        var proposal = new ProposalMessage(new SignedProposal(Height, Round, int.MaxValue, H("block"), TestKeys.Validator(0).Address, ChainLimits.MaxValidators - 1, TestKeys.Validator(0).Sign(H("p"))), block);
        var bytes = Canonical.Encode<ConsensusMessage>(proposal);
        Assert.True(bytes.Length > ConsensusParams.Default.MaxBlockBytes);
        Assert.True(a.PeerFor(b).TrySend(ChannelId.Consensus, bytes));

        await Eventually.True(() => b.Reactor.Messages.Count == 1, "the proposal arrived");
        var received = Assert.IsType<ProposalMessage>(Canonical.Decode<ConsensusMessage>(b.Reactor.Messages.Single().Message));
        Assert.Equal(block, received.Block);
        Assert.True(b.IsConnectedTo(a), "the receiver kept the link: the message was within its bound");
    }
}
