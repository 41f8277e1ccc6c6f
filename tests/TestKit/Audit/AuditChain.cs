using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Governance;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Storage;
using DaiChain.Ledger.Transactions;

namespace DaiChain.TestKit.Audit;

/// <summary>
/// Chains for audit tests, built with production wiring and real signatures (<see cref="TestChain"/>): transfers in
/// every block, optionally a validator removed by governance half way (so certificates must follow a set change), and
/// the head block's certificate kept aside in <see cref="CertificateColumn"/> as a node keeps it.
/// </summary>
public sealed class AuditChain
{
    /// <summary>The column where a node keeps the certificate of its newest block (Node's CertificateStore column).</summary>
    public static readonly ColumnFamily CertificateColumn = new("node_certificates");

    private readonly Dictionary<Address, ulong> _nonces = [];
    private int _transferCursor;

    public AuditChain(IKeyValueStore? store = null, GenesisDocument? genesis = null, ChainStoreOptions? options = null)
    {
        Genesis = genesis ?? Build.A.Genesis.Build();
        Chain = new TestChain(Genesis, store ?? NewStore(), options: options);
    }

    public TestChain Chain { get; }

    public GenesisDocument Genesis { get; }

    public IKeyValueStore Store => Chain.KeyValueStore;

    /// <summary>The height at which the removed validator left the set (0 when none was removed).</summary>
    public ulong RemovalEffectiveHeight { get; private set; }

    /// <summary>Every column a node's chain database has.</summary>
    public static IReadOnlyList<ColumnFamily> Columns { get; } = [.. ChainColumns.All, CertificateColumn];

    public static MemoryStore NewStore() => new(new StoreOptions { ColumnFamilies = Columns, SyncWritesByDefault = false });

    /// <summary>Commits <paramref name="blocks"/> blocks of <paramref name="transfersPerBlock"/> transfers each, then saves the head's certificate.</summary>
    public AuditChain Grow(int blocks, int transfersPerBlock)
    {
        for (var b = 0; b < blocks; b++)
        {
            Chain.CommitNext([.. Enumerable.Range(0, transfersPerBlock).Select(_ => NextTransfer())], null);
        }

        SaveHeadCertificate();
        return this;
    }

    /// <summary>Removes validator <paramref name="index"/> by governance (proposal by 0, votes by the next two); returns the height it leaves the set.</summary>
    public ulong RemoveValidator(int index)
    {
        var removed = Keys.Validator(index).Address;
        var voters = Enumerable.Range(0, 4).Where(i => i != index).Take(3).ToArray();
        var proposalId = GovernanceState.TakeNextId(new Ledger.State.StateOverlay(Chain.Head.State));
        Chain.CommitNext(Signed(Keys.Validator(voters[0]), b => b.Propose(new RemoveValidatorAction(removed))));
        Chain.CommitNext(Signed(Keys.Validator(voters[1]), b => b.VoteOn(proposalId, approve: true)));
        var decisive = Chain.CommitNext(Signed(Keys.Validator(voters[2]), b => b.VoteOn(proposalId, approve: true)));
        RemovalEffectiveHeight = decisive.Height + 2;
        Invariant(Chain.Store.GetValidatorSet(RemovalEffectiveHeight)!.Find(removed) is null, "the validator is removed at H+2");
        SaveHeadCertificate();
        return RemovalEffectiveHeight;
    }

    /// <summary>Writes the head block's certificate to <see cref="CertificateColumn"/>, as a node does when it commits.</summary>
    public void SaveHeadCertificate()
    {
        if (Chain.Height == 0 || Chain.LastCommit is not { } certificate)
        {
            return;
        }

        var batch = new WriteBatch();
        batch.Put(CertificateColumn, HeightKey(certificate.Height), Canonical.Encode(certificate));
        Store.Write(batch, sync: false);
    }

    /// <summary>Replaces the stored bytes of one entry (the way a bit flip on disk would), returning the old bytes.</summary>
    public byte[] Overwrite(ColumnFamily family, byte[] key, Func<byte[], byte[]> change)
    {
        var old = Store.Get(family, key);
        var batch = new WriteBatch();
        batch.Put(family, key, change(old.ToArray()));
        Store.Write(batch, sync: false);
        return old;
    }

    public static byte[] HeightKey(ulong height)
    {
        var key = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(key, height);
        return key;
    }

    private SignedTransaction NextTransfer()
    {
        var from = Keys.Account(_transferCursor % 4);
        var to = Keys.Account(4 + (_transferCursor % 7)).Address;
        _transferCursor++;
        return Signed(from, b => b.Transfer(to, 1 + (ulong)(_transferCursor % 5), memo: "audit"));
    }

    private SignedTransaction Signed(Ledger.Crypto.PrivateKey from, Func<TransactionBuilder, TransactionBuilder> body)
    {
        if (!_nonces.TryGetValue(from.Address, out var nonce))
        {
            nonce = AccountState.Get(Chain.Head.State, from.Address).Nonce;
        }

        _nonces[from.Address] = nonce + 1;
        return body(Build.A.Transaction.From(from).Nonce(nonce)).Signed();
    }

    private static void Invariant(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
