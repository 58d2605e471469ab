import { ObjectType } from '@nestjs/graphql';
import { Connection } from './connection.models';
import { DecisionModel } from './decision.model';

@ObjectType('DecisionConnection')
export class DecisionConnectionModel extends Connection(DecisionModel, 'Decision') {}
