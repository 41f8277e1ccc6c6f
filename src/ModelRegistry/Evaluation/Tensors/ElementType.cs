namespace DaiChain.ModelRegistry.Evaluation.Tensors;

/// <summary>The tensor element types the evaluator accepts; values are ONNX <c>TensorProto.DataType</c> codes.</summary>
/// <remarks>
/// float16, bfloat16, uint64, complex and the float8/int4 types are not accepted: no supported operator
/// needs them, and each would need its own exactness rules.
/// </remarks>
internal enum ElementType : byte
{
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Double = 11,
    UInt32 = 12,
}
