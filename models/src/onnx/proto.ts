/**
 * A minimal ONNX protobuf writer: the subset of onnx.proto3 (onnx/onnx, IR version 8) needed for
 * dense models, as an inline protobufjs JSON schema with the real field numbers, encoded with
 * protobufjs/light (no code generation, no other dependency).
 */
import protobuf from 'protobufjs/light.js';

const SCHEMA = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            ir_version: { type: 'int64', id: 1 },
            opset_import: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
            producer_name: { type: 'string', id: 2 },
            producer_version: { type: 'string', id: 3 },
            domain: { type: 'string', id: 4 },
            model_version: { type: 'int64', id: 5 },
            doc_string: { type: 'string', id: 6 },
            graph: { type: 'GraphProto', id: 7 },
            metadata_props: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
          },
        },
        StringStringEntryProto: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
        OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            doc_string: { type: 'string', id: 10 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            op_type: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
            doc_string: { type: 'string', id: 6 },
            domain: { type: 'string', id: 7 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            f: { type: 'float', id: 2 },
            i: { type: 'int64', id: 3 },
            s: { type: 'bytes', id: 4 },
            floats: { rule: 'repeated', type: 'float', id: 7 },
            ints: { rule: 'repeated', type: 'int64', id: 8 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1 },
            data_type: { type: 'int32', id: 2 },
            name: { type: 'string', id: 8 },
            raw_data: { type: 'bytes', id: 9 },
          },
        },
        ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
        TypeProto: {
          fields: { tensor_type: { type: 'Tensor', id: 1 } },
          nested: { Tensor: { fields: { elem_type: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } } },
        },
        TensorShapeProto: {
          fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } },
          nested: { Dimension: { fields: { dim_value: { type: 'int64', id: 1 }, dim_param: { type: 'string', id: 2 } } } },
        },
      },
    },
  },
};

/** ONNX TensorProto.DataType values used here. */
export const DataType = { FLOAT: 1, INT64: 7 } as const;
/** ONNX AttributeProto.AttributeType values used here. */
export const AttrType = { FLOAT: 1, INT: 2, INTS: 7 } as const;

/** An attribute as the writer accepts it. */
export type Attr = { name: string; type: number; i?: number; f?: number; ints?: number[] };
/** A graph node. */
export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  name: string;
  attrs?: Attr[];
}
/** A graph input/output: name, element type, shape (strings are symbolic dims). */
export interface ValueSpec {
  name: string;
  shape: (number | string)[];
}
/** An initializer tensor. */
export interface TensorSpec {
  name: string;
  dims: number[];
  float?: Float32Array;
  int64?: number[];
}

const root = protobuf.Root.fromJSON(SCHEMA);
const ModelProto = root.lookupType('onnx.ModelProto');

function tensor(t: TensorSpec): Record<string, unknown> {
  if (t.float) {
    const bytes = new Uint8Array(t.float.length * 4);
    const view = new DataView(bytes.buffer);
    t.float.forEach((v, i) => view.setFloat32(i * 4, v, true));
    return { name: t.name, dims: t.dims, data_type: DataType.FLOAT, raw_data: bytes };
  }
  const vals = t.int64 ?? [];
  const bytes = new Uint8Array(vals.length * 8);
  const view = new DataView(bytes.buffer);
  vals.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return { name: t.name, dims: t.dims, data_type: DataType.INT64, raw_data: bytes };
}

function valueInfo(v: ValueSpec): Record<string, unknown> {
  return {
    name: v.name,
    type: { tensor_type: { elem_type: DataType.FLOAT, shape: { dim: v.shape.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d })) } } },
  };
}

/**
 * Serialises a single-graph ONNX model (IR version 8, default-domain opset 17).
 * Initializers are written as little-endian raw_data.
 */
export function writeModel(g: {
  name: string;
  doc: string;
  nodes: NodeSpec[];
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  initializers: TensorSpec[];
  metadata: Record<string, string>;
  modelVersion: number;
}): Uint8Array {
  const msg = {
    ir_version: 8,
    opset_import: [{ domain: '', version: 17 }],
    producer_name: 'therapy-navigator/models',
    producer_version: '1',
    model_version: g.modelVersion,
    doc_string: g.doc,
    metadata_props: Object.entries(g.metadata).map(([key, value]) => ({ key, value })),
    graph: {
      name: g.name,
      node: g.nodes.map((n) => ({ name: n.name, op_type: n.op, input: n.inputs, output: n.outputs, attribute: n.attrs ?? [] })),
      initializer: g.initializers.map(tensor),
      input: g.inputs.map(valueInfo),
      output: g.outputs.map(valueInfo),
    },
  };
  const err = ModelProto.verify(msg);
  if (err) throw new Error(`ONNX message invalid: ${err}`);
  return ModelProto.encode(ModelProto.fromObject(msg)).finish();
}

/** Reads float initializers back from ONNX bytes (used to evaluate the exported artefact itself). */
export function readFloatInitializers(bytes: Uint8Array): Map<string, { dims: number[]; data: Float32Array }> {
  const msg = ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, bytes: Array }) as {
    graph?: { initializer?: { name: string; dims?: number[]; data_type: number; raw_data?: number[] }[] };
  };
  const out = new Map<string, { dims: number[]; data: Float32Array }>();
  for (const t of msg.graph?.initializer ?? []) {
    if (t.data_type !== DataType.FLOAT) continue;
    const raw = Uint8Array.from(t.raw_data ?? []);
    const view = new DataView(raw.buffer);
    const data = new Float32Array(raw.length / 4);
    for (let i = 0; i < data.length; i += 1) data[i] = view.getFloat32(i * 4, true);
    out.set(t.name, { dims: t.dims ?? [], data });
  }
  return out;
}
