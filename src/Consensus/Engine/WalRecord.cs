using System.Collections.Immutable;
using DaiChain.Consensus.Core;
using DaiChain.Consensus.Messages;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Engine;

/// <summary>
/// One record of the consensus write-ahead log: a height's starting point, an input the engine handled (written
/// before it was handled), or a message this node signed (written after signing, before sending).
/// </summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, kind <c>u8</c>, then the kind's fields (docs/spec/consensus.md lists them).
/// The log of a height starts with <see cref="HeightStarted"/> and the pending evidence; everything after it is
/// replayed in order on restart.
/// </remarks>
public abstract record WalRecord : ICanonicalEncodable<WalRecord>
{
    private const byte Version1 = 1;

    private WalRecord()
    {
    }

    /// <summary>Kind tags on disk.</summary>
    public enum Kind : byte
    {
        HeightStarted = 1,
        Evidence = 2,
        Proposal = 3,
        Vote = 4,
        Timeout = 5,
        ValueBuilt = 6,
        OwnProposal = 7,
        OwnVote = 8,
        Commit = 9,
        Start = 10,
    }

    public abstract Kind RecordKind { get; }

    /// <summary>The first record of a height: the proposer priorities that start it, and the validator set they belong to.</summary>
    public sealed record HeightStarted(ulong Height, Hash256 ValidatorsHash, ImmutableArray<long> Priorities, int Proposer) : WalRecord
    {
        public override Kind RecordKind => Kind.HeightStarted;
    }

    /// <summary>Evidence waiting in the pool (copied forward at each height start, and appended when added).</summary>
    public sealed record Evidence(DuplicateVoteEvidence Item) : WalRecord
    {
        public override Kind RecordKind => Kind.Evidence;
    }

    /// <summary>A peer's proposal with its block, as judged when it arrived (validity, timeliness).</summary>
    public sealed record Proposal(SignedProposal Signed, byte[] Block, bool IsValid, bool IsTimely) : WalRecord
    {
        public override Kind RecordKind => Kind.Proposal;
    }

    /// <summary>A peer's vote.</summary>
    public sealed record Vote(Ledger.Chain.Vote Signed) : WalRecord
    {
        public override Kind RecordKind => Kind.Vote;
    }

    /// <summary>A timeout that fired for the current height and round.</summary>
    public sealed record Timeout(TimeoutKind TimeoutKind, ulong Height, int Round) : WalRecord
    {
        public override Kind RecordKind => Kind.Timeout;
    }

    /// <summary>The answer to <c>getValue()</c>: the block this node built to propose.</summary>
    public sealed record ValueBuilt(ulong Height, int Round, Hash256 Hash, byte[] Block) : WalRecord
    {
        public override Kind RecordKind => Kind.ValueBuilt;
    }

    /// <summary>A proposal this node signed.</summary>
    public sealed record OwnProposal(SignedProposal Signed) : WalRecord
    {
        public override Kind RecordKind => Kind.OwnProposal;
    }

    /// <summary>A vote this node signed.</summary>
    public sealed record OwnVote(Ledger.Chain.Vote Signed) : WalRecord
    {
        public override Kind RecordKind => Kind.OwnVote;
    }

    /// <summary>A committed block and certificate received from a peer (catch-up), as judged when it arrived.</summary>
    public sealed record Commit(byte[] Block, CommitCertificate Certificate, bool IsValid) : WalRecord
    {
        public override Kind RecordKind => Kind.Commit;
    }

    /// <summary>Round 0 of the height started (line 10), after the commit pause.</summary>
    public sealed record Start(ulong Height) : WalRecord
    {
        public override Kind RecordKind => Kind.Start;
    }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteByte((byte)RecordKind);
        switch (this)
        {
            case HeightStarted started:
                writer.WriteUInt64(started.Height);
                writer.WriteHash(started.ValidatorsHash);
                writer.WriteList(started.Priorities, ChainLimits.MaxValidators, static (ref CanonicalWriter w, long p) => w.WriteInt64(p));
                writer.WriteVarUInt((ulong)started.Proposer);
                break;
            case Evidence evidence:
                evidence.Item.Encode(ref writer);
                break;
            case Proposal proposal:
                proposal.Signed.Encode(ref writer);
                writer.WriteBytes(proposal.Block, ChainLimits.MaxBlockBytes);
                writer.WriteBool(proposal.IsValid);
                writer.WriteBool(proposal.IsTimely);
                break;
            case Vote vote:
                vote.Signed.Encode(ref writer);
                break;
            case Timeout timeout:
                writer.WriteByte((byte)timeout.TimeoutKind);
                writer.WriteUInt64(timeout.Height);
                writer.WriteUInt32((uint)timeout.Round);
                break;
            case ValueBuilt built:
                writer.WriteUInt64(built.Height);
                writer.WriteUInt32((uint)built.Round);
                writer.WriteHash(built.Hash);
                writer.WriteBytes(built.Block, ChainLimits.MaxBlockBytes);
                break;
            case OwnProposal own:
                own.Signed.Encode(ref writer);
                break;
            case OwnVote own:
                own.Signed.Encode(ref writer);
                break;
            case Commit commit:
                writer.WriteBytes(commit.Block, ChainLimits.MaxBlockBytes);
                commit.Certificate.Encode(ref writer);
                writer.WriteBool(commit.IsValid);
                break;
            case Start start:
                writer.WriteUInt64(start.Height);
                break;
            default:
                throw new InvalidOperationException($"unknown WAL record {GetType().Name}");
        }
    }

    public static WalRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("wal.version", Version1);
        switch (reader.ReadEnum<Kind>("wal.kind"))
        {
            case Kind.HeightStarted:
                var height = reader.ReadUInt64("wal.height");
                var validators = reader.ReadHash("wal.validators_hash");
                var priorities = reader.ReadList("wal.priorities", ChainLimits.MaxValidators, static (ref CanonicalReader r) => r.ReadInt64("wal.priority"));
                var proposer = reader.ReadVarInt32("wal.proposer", ChainLimits.MaxValidators - 1);
                return new HeightStarted(height, validators, [.. priorities], proposer);
            case Kind.Evidence:
                return new Evidence(DuplicateVoteEvidence.Decode(ref reader));
            case Kind.Proposal:
                var signed = SignedProposal.Decode(ref reader);
                var block = reader.ReadBytes("wal.block", ChainLimits.MaxBlockBytes);
                var valid = reader.ReadBool("wal.valid");
                return new Proposal(signed, block, valid, reader.ReadBool("wal.timely"));
            case Kind.Vote:
                return new Vote(Ledger.Chain.Vote.Decode(ref reader));
            case Kind.Timeout:
                var kind = reader.ReadEnum<TimeoutKind>("wal.timeout_kind");
                var at = reader.ReadUInt64("wal.height");
                return new Timeout(kind, at, (int)Math.Min(reader.ReadUInt32("wal.round"), int.MaxValue));
            case Kind.ValueBuilt:
                var builtHeight = reader.ReadUInt64("wal.height");
                var builtRound = (int)Math.Min(reader.ReadUInt32("wal.round"), int.MaxValue);
                var hash = reader.ReadHash("wal.hash");
                return new ValueBuilt(builtHeight, builtRound, hash, reader.ReadBytes("wal.block", ChainLimits.MaxBlockBytes));
            case Kind.OwnProposal:
                return new OwnProposal(SignedProposal.Decode(ref reader));
            case Kind.OwnVote:
                return new OwnVote(Ledger.Chain.Vote.Decode(ref reader));
            case Kind.Commit:
                var commitBlock = reader.ReadBytes("wal.block", ChainLimits.MaxBlockBytes);
                var certificate = CommitCertificate.Decode(ref reader);
                return new Commit(commitBlock, certificate, reader.ReadBool("wal.valid"));
            case Kind.Start:
                return new Start(reader.ReadUInt64("wal.height"));
            default:
                throw new CodecException("wal.kind", reader.Position, "unknown WAL record kind");
        }
    }
}
