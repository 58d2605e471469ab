import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../scalars';

@ObjectType('SignedTreeHead', { description: 'A signed checkpoint of the log (c2sp.org/tlog-checkpoint, signed as a c2sp.org/signed-note).' })
export class SignedTreeHeadModel {
  @Field({ description: "the log's origin: the checkpoint's first line, a schema-less URL such as ledger.denver.example/council" })
  origin!: string;
  @Field(() => Int) treeSize!: number;
  @Field({ description: 'lowercase hex' }) rootHash!: string;
  @Field(() => DateTimeScalar, { description: 'when the ledger signed it (not part of the signed body)' }) timestamp!: string;
  @Field({ description: "the signing key's 4-byte key ID, lowercase hex" }) keyId!: string;
  @Field({ description: "base64 Ed25519 signature of the checkpoint body, as in the note's signature line after the key ID" }) signature!: string;
  @Field({ description: 'the whole signed note: origin, size and base64 root lines, a blank line, then the signature lines' }) checkpoint!: string;
}

@ObjectType('InclusionProof')
export class InclusionProofModel {
  @Field(() => Int) sequence!: number;
  @Field(() => Int) treeSize!: number;
  @Field() leafHash!: string;
  @Field(() => [String], { description: 'sibling hashes from the leaf up, lowercase hex (RFC 9162 section 2.1.3)' }) auditPath!: string[];
}

@ObjectType('ConsistencyProof')
export class ConsistencyProofModel {
  @Field(() => Int) firstSize!: number;
  @Field(() => Int) secondSize!: number;
  @Field(() => [String], { description: 'lowercase hex (RFC 9162 section 2.1.4)' }) path!: string[];
}
