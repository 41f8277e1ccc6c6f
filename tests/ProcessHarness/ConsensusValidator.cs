using System.Globalization;
using DaiChain.Consensus.Application;
using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;
using DaiChain.Consensus.Signing;
using DaiChain.Consensus.Timing;
using DaiChain.Consensus.Wal;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Storage;
using DaiChain.TestKit;

namespace DaiChain.ProcessHarness;

/// <summary>
/// <c>consensus-validator</c>: the only validator of a chain, running the real consensus loop over real files (the
/// WAL, the signer state, the head certificate) and a chain in RocksDB (synced commits), on the system clock.
/// A test kills it (SIGKILL) at any instant, restarts it, and checks that nothing it sent was ever contradicted.
/// </summary>
/// <remarks>
/// Output, one line each, flushed: <c>start h</c> (the committed head it found), <c>sent step h r hash|nil</c>
/// after each own proposal or vote left through the transport (so after the guard saved it), <c>committed h
/// hash</c> after each block is durable, <c>done</c> at the target height.
/// </remarks>
public static class ConsensusValidator
{
    public const string Command = "consensus-validator";

    public const string Usage = "--path P --heights N";

    public static string ChainPath(string path) => Path.Combine(path, "chain");

    public static string WalPath(string path) => Path.Combine(path, "consensus.wal");

    public static string SignerPath(string path) => Path.Combine(path, "signer.state");

    public static string CertificatePath(string path) => Path.Combine(path, "head.commit");

    public static int Run(HarnessArguments arguments)
    {
        var path = arguments.Required("path");
        var heights = arguments.Int32("heights", 0, 1, 100_000);
        if (heights == 0)
        {
            throw new ArgumentException("missing --heights");
        }

        var genesis = new GenesisBuilder().WithValidators(1).Build();
        using var store = RocksDbStore.Open(LedgerCommitter.Options(ChainPath(path)));
        var chain = new ChainStore(store, ChainRules.WithLedgerBuiltIns().Freeze(), new ChainStoreOptions { SyncCommits = true });
        if (!chain.IsInitialized)
        {
            chain.InitializeGenesis(genesis);
        }

        using var certificates = new FileCommitCertificateStore(CertificatePath(path));
        using var wal = new FileWalFile(WalPath(path));
        using var signerState = new FileSignerStateStore(SignerPath(path));
        var executor = new BlockExecutor(ChainRules.WithLedgerBuiltIns().Freeze(), new SenderCache(), maxParallelism: 1);
        var application = new ReportingApplication(new ChainApplication(chain, executor, null, certificates), heights);
        var options = new ConsensusOptions
        {
            ChainId = genesis.ChainId,
            CommitTimeout = TimeSpan.FromMilliseconds(5),
            GossipInterval = TimeSpan.FromMilliseconds(200),
            Timeouts = new TimeoutSchedule { ProposeBase = TimeSpan.FromMilliseconds(200), PrevoteBase = TimeSpan.FromMilliseconds(100), PrecommitBase = TimeSpan.FromMilliseconds(100) },
        };
        var engine = new ConsensusEngine(options, application, new ReportingTransport(), TimeProvider.System, wal, new GuardedSigner(Keys.Validator(0).Signer(), signerState, genesis.ChainId));
        Console.WriteLine($"start {chain.Height.ToString(CultureInfo.InvariantCulture)}");
        engine.Start();
        using var stop = new CancellationTokenSource();
        application.Done = stop.Cancel;
        if (chain.Height < (ulong)heights)
        {
            engine.RunAsync(stop.Token).GetAwaiter().GetResult();
        }

        engine.Stop();
        Console.WriteLine("done");
        return 0;
    }

    private sealed class ReportingTransport : IConsensusTransport
    {
        public void Broadcast(ConsensusMessage message)
        {
            var line = message switch
            {
                ProposalMessage p => $"sent proposal {p.Proposal.Height} {p.Proposal.Round} {p.Proposal.BlockHash}",
                VoteMessage v => $"sent {v.Vote.Type.ToString().ToLowerInvariant()} {v.Vote.Height} {v.Vote.Round} {v.Vote.BlockHash?.ToString() ?? "nil"}",
                _ => null,
            };
            if (line is not null)
            {
                Console.WriteLine(line);
            }
        }

        public void Send(PeerId peer, ConsensusMessage message)
        {
        }
    }

    private sealed class ReportingApplication(ChainApplication inner, int heights) : IConsensusApplication
    {
        public Action? Done { get; set; }

        public ulong LastCommittedHeight => inner.LastCommittedHeight;

        public long LastBlockTimeMs => inner.LastBlockTimeMs;

        public ValidatorSet? ValidatorsAt(ulong height) => inner.ValidatorsAt(height);

        public BuiltBlock BuildProposal(BlockRequest request) => inner.BuildProposal(request);

        public BlockVerdict ValidateBlock(ulong height, byte[] block) => inner.ValidateBlock(height, block);

        public CommitOutcome Commit(ulong height, byte[] block, CommitCertificate certificate)
        {
            var outcome = inner.Commit(height, block, certificate);
            Console.WriteLine($"committed {height.ToString(CultureInfo.InvariantCulture)} {certificate.BlockHash}");
            if (height >= (ulong)heights)
            {
                Done?.Invoke();
            }

            return outcome;
        }

        public CommittedBlock? LoadCommitted(ulong height) => inner.LoadCommitted(height);
    }
}
