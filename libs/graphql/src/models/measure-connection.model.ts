import { ObjectType } from '@nestjs/graphql';
import { Connection } from './connection.models';
import { MeasureModel } from './measure.model';

@ObjectType('MeasureConnection')
export class MeasureConnectionModel extends Connection(MeasureModel, 'Measure') {}
