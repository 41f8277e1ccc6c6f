using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Governance;

/// <summary>A governance proposal and its votes, as stored under <c>proposal/{id}</c>.</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, id <c>u64</c>, proposer (20), action, summary <c>string&lt;256&gt;</c>,
/// submitted height <c>u64</c>, voting end height <c>u64</c> (last height that accepts votes), status <c>u8</c>,
/// decided height <c>u64</c> (0 while open), result code <c>string&lt;64&gt;</c>, yes voters and no voters
/// (<c>list&lt;address, 1024&gt;</c> each, ascending).
/// </remarks>
public sealed record Proposal : ICanonicalEncodable<Proposal>
{
    public const int MaxSummaryBytes = 256;
    private const byte Version1 = 1;

    public required ulong Id { get; init; }

    public required Address Proposer { get; init; }

    public required GovernanceAction Action { get; init; }

    public required string Summary { get; init; }

    public required ulong SubmittedHeight { get; init; }

    /// <summary>The last height at which votes are accepted; a proposal undecided at the end of it expires.</summary>
    public required ulong VotingEndHeight { get; init; }

    public ProposalStatus Status { get; init; } = ProposalStatus.Open;

    public ulong DecidedHeight { get; init; }

    /// <summary>For a failed proposal, the code of the action's failure; empty otherwise.</summary>
    public string ResultCode { get; init; } = string.Empty;

    public IReadOnlyList<Address> YesVoters { get; init; } = [];

    public IReadOnlyList<Address> NoVoters { get; init; } = [];

    public bool HasVoted(Address voter) => Contains(YesVoters, voter) || Contains(NoVoters, voter);

    public Proposal WithVote(Address voter, bool approve) => approve
        ? this with { YesVoters = Insert(YesVoters, voter) }
        : this with { NoVoters = Insert(NoVoters, voter) };

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteUInt64(Id);
        writer.WriteAddress(Proposer);
        Action.Encode(ref writer);
        writer.WriteString(Summary, MaxSummaryBytes);
        writer.WriteUInt64(SubmittedHeight);
        writer.WriteUInt64(VotingEndHeight);
        writer.WriteByte((byte)Status);
        writer.WriteUInt64(DecidedHeight);
        writer.WriteString(ResultCode, Receipt.MaxCodeBytes);
        writer.WriteList(YesVoters, StakingState.MaxRecords, static (ref CanonicalWriter w, Address a) => w.WriteAddress(a));
        writer.WriteList(NoVoters, StakingState.MaxRecords, static (ref CanonicalWriter w, Address a) => w.WriteAddress(a));
    }

    public static Proposal Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("proposal.version", Version1);
        return new Proposal
        {
            Id = reader.ReadUInt64("proposal.id"),
            Proposer = reader.ReadAddress("proposal.proposer"),
            Action = GovernanceAction.Decode(ref reader),
            Summary = reader.ReadString("proposal.summary", MaxSummaryBytes),
            SubmittedHeight = reader.ReadUInt64("proposal.submitted_height"),
            VotingEndHeight = reader.ReadUInt64("proposal.voting_end_height"),
            Status = reader.ReadEnum<ProposalStatus>("proposal.status"),
            DecidedHeight = reader.ReadUInt64("proposal.decided_height"),
            ResultCode = reader.ReadString("proposal.result_code", Receipt.MaxCodeBytes),
            YesVoters = ReadVoters(ref reader, "proposal.yes_voters"),
            NoVoters = ReadVoters(ref reader, "proposal.no_voters"),
        };
    }

    private static Address[] ReadVoters(ref CanonicalReader reader, string field)
    {
        var at = reader.Position;
        var voters = reader.ReadList(field, StakingState.MaxRecords, static (ref CanonicalReader r) => r.ReadAddress("proposal.voter"));
        for (var i = 1; i < voters.Length; i++)
        {
            if (voters[i - 1].CompareTo(voters[i]) >= 0)
            {
                throw new CodecException(field, at, "voters must be ascending without repeats");
            }
        }

        return voters;
    }

    private static bool Contains(IReadOnlyList<Address> sorted, Address voter) => sorted.ToList().BinarySearch(voter) >= 0;

    private static Address[] Insert(IReadOnlyList<Address> sorted, Address voter)
    {
        var list = sorted.ToList();
        var at = list.BinarySearch(voter);
        if (at < 0)
        {
            list.Insert(~at, voter);
        }

        return [.. list];
    }
}
