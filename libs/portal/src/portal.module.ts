import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller';
import { PublicGraphql } from './public-graphql';

/** The public transparency portal (served by the API at `/`). Needs the GraphQL server module (its schema). */
@Module({ controllers: [PortalController], providers: [PublicGraphql] })
export class PortalModule {}
